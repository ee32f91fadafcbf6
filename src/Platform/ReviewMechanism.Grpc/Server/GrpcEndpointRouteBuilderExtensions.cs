using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewMechanism.Grpc.Server;
using ReviewMechanism.Grpc.Server.Internal;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC services onto ASP.NET Core routing (the counterpart of grpc-dotnet's <c>MapGrpcService</c>).</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every RPC of <typeparamref name="TService"/> (a class deriving from a generated
    /// <c>XxxBase</c>) to <c>POST /{package.Service}/{Method}</c>. The service is created per call
    /// from the request's DI scope (or from the root container when it and its dependencies are
    /// singletons). gRPC requests for unknown services and methods are answered UNIMPLEMENTED at the
    /// end of the pipeline (unless <see cref="GrpcServerOptions.IgnoreUnknownServices"/>).
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("The gRPC server is not registered: call services.AddGrpcServer() before mapping gRPC services.");
        var options = services.GetRequiredService<IOptions<GrpcServerOptions>>().Value;

        var attribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException(
                $"{typeof(TService)} is not a gRPC service implementation: it must derive from a generated service base (which carries [BindServiceMethod]).");
        var bindMethod = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{attribute.BindType} has no static method {attribute.BindMethodName}.");

        var binder = new EndpointServiceBinder<TService>(endpoints, options, registry,
            services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<GrpcServerMetrics>(),
            services.GetRequiredService<DeadlineScheduler>());
        try
        {
            bindMethod.MakeGenericMethod(typeof(TService)).Invoke(null, [binder]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }

        if (options.RequireAuthorizationDeclarations && binder.UndeclaredMethods.Count > 0)
        {
            throw new InvalidOperationException(
                $"{typeof(TService)} does not declare who may call {string.Join(", ", binder.UndeclaredMethods)}: " +
                "put [Authorize(...)] or [AllowAnonymous] on each method (or on the class).");
        }

        return new CompositeEndpointConventionBuilder(binder.EndpointBuilders);
    }
}
