using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.Interceptors;
using ReviewMechanism.Grpc.Server.Authorization;
using ReviewMechanism.Grpc.Server.Internal.CallHandlers;
using ReviewMechanism.Grpc.Server.Telemetry;
using ReviewMechanism.Grpc.Server.Validation;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Receives a service's RPCs from its generated BindService and maps each to an endpoint
/// <c>POST /{package.Service}/{Method}</c> with its pipeline composed once, here.
/// </summary>
internal sealed class EndpointServiceBinder<TService> : ServiceBinder<TService>
    where TService : class
{
    private readonly IEndpointRouteBuilder _endpoints;
    private readonly GrpcServerOptions _options;
    private readonly GrpcServiceRegistry _registry;
    private readonly Interceptor[] _interceptors;
    private readonly ServiceActivator<TService> _activator;
    private readonly ILogger _logger;
    private readonly GrpcServerMetrics _metrics;
    private readonly DeadlineScheduler _deadlines;
    private readonly IServiceProvider _services;

    public EndpointServiceBinder(IEndpointRouteBuilder endpoints, GrpcServerOptions options, GrpcServiceRegistry registry,
        ILoggerFactory loggerFactory, GrpcServerMetrics metrics, DeadlineScheduler deadlines)
    {
        _endpoints = endpoints;
        _options = options;
        _registry = registry;
        _services = endpoints.ServiceProvider;
        _interceptors = registry.GetInterceptors(options, _services);
        _activator = new ServiceActivator<TService>(_services, registry.ServiceCollection);
        _logger = loggerFactory.CreateLogger(CallLog.CategoryName);
        _metrics = metrics;
        _deadlines = deadlines;
    }

    public List<IEndpointConventionBuilder> EndpointBuilders { get; } = new();

    public List<string> UndeclaredMethods { get; } = new();

    public override void AddService(ServiceDescriptor descriptor) => _registry.Add(descriptor);

    public override void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TService, TRequest, TResponse> handler)
    {
        var activator = _activator;
        Interceptors.UnaryServerMethod<TRequest, TResponse> pipeline = (request, context) => handler(activator.Create(context.GetHttpContext()), request, context);
        if (UseValidation<TRequest>())
        {
            pipeline = RequestValidation.Wrap(pipeline);
        }
        pipeline = InterceptorPipeline.Compose(_interceptors, pipeline);
        Map(method, new UnaryCallHandler<TRequest, TResponse>(CreateState(method), method, pipeline));
    }

    public override void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TService, TRequest, TResponse> handler)
    {
        var activator = _activator;
        Interceptors.ServerStreamingServerMethod<TRequest, TResponse> pipeline = (request, stream, context) => handler(activator.Create(context.GetHttpContext()), request, stream, context);
        if (UseValidation<TRequest>())
        {
            pipeline = RequestValidation.Wrap(pipeline);
        }
        pipeline = InterceptorPipeline.Compose(_interceptors, pipeline);
        Map(method, new ServerStreamingCallHandler<TRequest, TResponse>(CreateState(method), method, pipeline));
    }

    public override void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TService, TRequest, TResponse> handler)
    {
        var activator = _activator;
        Interceptors.ClientStreamingServerMethod<TRequest, TResponse> pipeline = (requests, context) => handler(activator.Create(context.GetHttpContext()), requests, context);
        if (UseValidation<TRequest>())
        {
            pipeline = RequestValidation.Wrap(pipeline);
        }
        pipeline = InterceptorPipeline.Compose(_interceptors, pipeline);
        Map(method, new ClientStreamingCallHandler<TRequest, TResponse>(CreateState(method), method, pipeline));
    }

    public override void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> handler)
    {
        var activator = _activator;
        Interceptors.DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (requests, stream, context) => handler(activator.Create(context.GetHttpContext()), requests, stream, context);
        if (UseValidation<TRequest>())
        {
            pipeline = RequestValidation.Wrap(pipeline);
        }
        pipeline = InterceptorPipeline.Compose(_interceptors, pipeline);
        Map(method, new DuplexStreamingCallHandler<TRequest, TResponse>(CreateState(method), method, pipeline));
    }

    private bool UseValidation<TRequest>()
        where TRequest : class
        => _options.EnableValidation && RequestValidation.HasValidators<TRequest>(_services);

    private ServerMethodState CreateState(IMethod method)
    {
        var authorization = MethodAuthorization.Create(typeof(TService), method);
        if (authorization.Kind == AuthorizationKind.Undeclared)
        {
            UndeclaredMethods.Add(method.Name);
        }
        else if (authorization.Kind == AuthorizationKind.Policy
            && (_services.GetService<IAuthorizationPolicyProvider>() is null || _services.GetService<IPolicyEvaluator>() is null))
        {
            throw new InvalidOperationException(
                $"{typeof(TService)}.{method.Name} declares [Authorize], which needs ASP.NET Core authorization: call services.AddAuthorization().");
        }
        return new ServerMethodState(method, _options, _logger, _metrics, _deadlines, authorization);
    }

    private void Map(IMethod method, ServerCallHandler handler)
    {
        _registry.AddName(method.ServiceName);
        var builder = _endpoints.MapPost(method.FullName, handler.HandleCallAsync);
        builder.Add(endpoint =>
        {
            endpoint.DisplayName = "gRPC - " + method.FullName;
            endpoint.Metadata.Add(new GrpcMethodMetadata(typeof(TService), method));
            // The gRPC layer authorizes each call itself (deny by default, gRPC status codes); this keeps
            // ASP.NET Core's authorization middleware and its fallback policy from answering with HTTP 401/403.
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });
        EndpointBuilders.Add(builder);
    }
}
