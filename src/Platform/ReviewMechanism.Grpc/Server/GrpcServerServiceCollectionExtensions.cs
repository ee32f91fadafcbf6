using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.Grpc.Server;
using ReviewMechanism.Grpc.Server.Health;
using ReviewMechanism.Grpc.Server.Internal;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server (the counterpart of grpc-dotnet's <c>AddGrpc</c>).</summary>
public static class GrpcServerServiceCollectionExtensions
{
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions<GrpcServerOptions>();
        // Authorization services are not added here: registering them makes WebApplication put the
        // authorization middleware in front of every request. RPCs with [Authorize] need
        // services.AddAuthorization(), which mapping checks.
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(GrpcServiceRegistry)))
        {
            services.AddSingleton(new GrpcServiceRegistry { ServiceCollection = services });
            services.AddSingleton<IStartupFilter, UnimplementedStartupFilter>();
        }
        services.TryAddSingleton<GrpcServerMetrics>();
        services.TryAddSingleton<DeadlineScheduler>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services;
    }

    /// <summary>
    /// Registers ASP.NET Core health checks for the grpc.health.v1.Health service
    /// (<c>app.MapGrpcHealthChecksService()</c>); add checks to the returned builder.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, Action<GrpcHealthChecksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrpcHealthChecksOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services.AddHealthChecks();
    }
}
