using Google.Protobuf;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Wraps a method's handler in the interceptors, outermost first. Runs once per method at startup:
/// the composed delegate is reused by every call.
/// </summary>
internal static class InterceptorPipeline
{
    public static UnaryServerMethod<TRequest, TResponse> Compose<TRequest, TResponse>(Interceptor[] interceptors, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var next = handler;
            handler = (request, context) => interceptor.UnaryServerHandler(request, context, next);
        }
        return handler;
    }

    public static ServerStreamingServerMethod<TRequest, TResponse> Compose<TRequest, TResponse>(Interceptor[] interceptors, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var next = handler;
            handler = (request, stream, context) => interceptor.ServerStreamingServerHandler(request, stream, context, next);
        }
        return handler;
    }

    public static ClientStreamingServerMethod<TRequest, TResponse> Compose<TRequest, TResponse>(Interceptor[] interceptors, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var next = handler;
            handler = (requests, context) => interceptor.ClientStreamingServerHandler(requests, context, next);
        }
        return handler;
    }

    public static DuplexStreamingServerMethod<TRequest, TResponse> Compose<TRequest, TResponse>(Interceptor[] interceptors, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var next = handler;
            handler = (requests, stream, context) => interceptor.DuplexStreamingServerHandler(requests, stream, context, next);
        }
        return handler;
    }
}
