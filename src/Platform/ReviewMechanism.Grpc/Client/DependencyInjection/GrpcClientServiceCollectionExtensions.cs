using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.Grpc;
using ReviewMechanism.Grpc.Client;
using ReviewMechanism.Grpc.Interceptors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers typed gRPC clients whose addresses come from configuration (Aspire's convention).</summary>
public static class GrpcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (transient) calling the service named
    /// <paramref name="serviceName"/> at the address in configuration <c>services:{serviceName}:grpc:0</c>
    /// (environment variable <c>services__{serviceName}__grpc__0</c>; "https" and "http" endpoints are the
    /// fallbacks). All clients of one address share one channel.
    /// </summary>
    public static IGrpcClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, string serviceName, Action<GrpcClientOptions>? configure = null)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        var name = typeof(TClient).FullName!;
        services.AddOptions();
        services.TryAddSingleton<GrpcChannelPool>();
        services.TryAddSingleton<GrpcClientFactory>();
        services.Configure<GrpcClientOptions>(name, options =>
        {
            options.ServiceName = serviceName;
            configure?.Invoke(options);
        });
        services.AddTransient(sp => sp.GetRequiredService<GrpcClientFactory>().CreateClient<TClient>(name, sp));
        return new GrpcClientBuilder(name, services);
    }

    /// <summary>Further configuration of the client's options.</summary>
    public static IGrpcClientBuilder ConfigureClient(this IGrpcClientBuilder builder, Action<GrpcClientOptions> configure)
    {
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }

    /// <summary>Adds an interceptor resolved from DI (or created with its dependencies) for each client instance.</summary>
    public static IGrpcClientBuilder AddInterceptor<TInterceptor>(this IGrpcClientBuilder builder)
        where TInterceptor : Interceptor =>
        builder.AddInterceptor(static sp => ActivatorUtilities.GetServiceOrCreateInstance<TInterceptor>(sp));

    public static IGrpcClientBuilder AddInterceptor(this IGrpcClientBuilder builder, Func<IServiceProvider, Interceptor> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return builder.ConfigureClient(options => options.InterceptorFactories.Add(factory));
    }

    /// <summary>
    /// Adds call credentials: <paramref name="authInterceptor"/> writes metadata (e.g. a token it
    /// obtains asynchronously) before each call is sent. Over cleartext addresses the call fails with
    /// UNAUTHENTICATED unless <see cref="GrpcClientOptions.UnsafeUseInsecureChannelCallCredentials"/> is set.
    /// </summary>
    public static IGrpcClientBuilder AddCallCredentials(this IGrpcClientBuilder builder, Func<AuthInterceptorContext, Metadata, IServiceProvider, Task> authInterceptor)
    {
        ArgumentNullException.ThrowIfNull(authInterceptor);
        return builder.ConfigureClient(options => options.CallCredentialsFactories.Add(
            sp => CallCredentials.FromInterceptor((context, metadata) => authInterceptor(context, metadata, sp))));
    }

    /// <summary>Forwards the incoming request's bearer token on every call of this client (<see cref="BearerTokenForwardingInterceptor"/>).</summary>
    public static IGrpcClientBuilder AddBearerTokenForwarding(this IGrpcClientBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        return builder.AddInterceptor<BearerTokenForwardingInterceptor>();
    }
}
