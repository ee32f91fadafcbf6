using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// Binds a gRPC service's methods as Grpc.AspNetCore's own binder does (the generated <c>BindService</c>, each
/// method's attributes as endpoint metadata: the service's first, the method's last), with one change: a request
/// message that protobuf cannot parse (truncated, not protobuf, a wire type that does not exist) is answered
/// INVALID_ARGUMENT "The request is not a valid X message: ..." instead of Grpc.AspNetCore's UNKNOWN "Exception
/// was thrown by handler.": the mistake is the caller's, and the caller is told. Messages are still read and framed
/// by Grpc.AspNetCore and parsed by the generated parser; only the parser's exception is translated.
/// </summary>
public sealed class ValidatedMessagesMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = BindServiceMethod(typeof(TService));
        if (bind is null)
        {
            return;
        }
        bind.Invoke(null, [new Binder(context), null]);
    }

    private static MethodInfo? BindServiceMethod(Type service)
    {
        for (var type = service; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
            {
                return attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .FirstOrDefault(m => m.Name == attribute.BindMethodName && m.GetParameters() is [var binder, _]
                        && binder.ParameterType == typeof(ServiceBinderBase));
            }
        }
        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (target, metadata) = Handler(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Validated(method), metadata, target.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (target, metadata) = Handler(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Validated(method), metadata, target.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (target, metadata) = Handler(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Validated(method), metadata, target.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (target, metadata) = Handler(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Validated(method), metadata, target.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        private static (MethodInfo Target, List<object> Metadata) Handler(string name, params Type[] parameters)
        {
            var target = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {name} to bind.");
            List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true), .. target.GetCustomAttributes(inherit: true)];
            return (target, metadata);
        }
    }

    private static Method<TRequest, TResponse> Validated<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var requests = method.RequestMarshaller;
        var checkedRequests = Marshallers.Create<TRequest>(requests.ContextualSerializer, context =>
        {
            try
            {
                return requests.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException error)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    ErrorText.Shorten($"The request is not a valid {typeof(TRequest).Name} message: {error.Message}")));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, checkedRequests, method.ResponseMarshaller);
    }
}
