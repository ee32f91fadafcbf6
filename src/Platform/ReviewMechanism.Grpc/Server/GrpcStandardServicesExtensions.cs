using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewMechanism.Grpc.Server.Health;
using ReviewMechanism.Grpc.Server.Reflection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The standard gRPC services: health checking and server reflection.</summary>
public static class GrpcStandardServicesExtensions
{
    /// <summary>
    /// Maps grpc.health.v1.Health (Check and Watch) over the application's ASP.NET Core health checks
    /// (register them with <c>services.AddHealthChecks()</c> or <c>services.AddGrpcHealthChecks()</c>).
    /// Anyone may call it.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<HealthCheckService>() is null)
        {
            throw new InvalidOperationException("The gRPC health service needs ASP.NET Core health checks: call services.AddHealthChecks() (or services.AddGrpcHealthChecks()).");
        }
        return endpoints.MapGrpcService<HealthChecksGrpcService>();
    }

    /// <summary>
    /// Maps server reflection, grpc.reflection.v1 and v1alpha, describing every gRPC service this
    /// application maps. Anyone may call it: map it only where the API's shape may be public.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v1 = endpoints.MapGrpcService<ReflectionServiceV1>();
        var v1Alpha = endpoints.MapGrpcService<ReflectionServiceV1Alpha>();
        return new ReviewMechanism.Grpc.Server.Internal.CompositeEndpointConventionBuilder([v1, v1Alpha]);
    }
}
