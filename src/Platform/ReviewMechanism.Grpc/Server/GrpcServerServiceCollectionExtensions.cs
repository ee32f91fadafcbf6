using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.Grpc.Server;
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
        services.AddAuthorizationCore();
        services.AddAuthorizationPolicyEvaluator();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<GrpcServerMetrics>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services;
    }
}
