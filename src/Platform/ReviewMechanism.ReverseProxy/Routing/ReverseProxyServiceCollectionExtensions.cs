using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ReviewMechanism.ReverseProxy.Configuration;
using ReviewMechanism.ReverseProxy.Forwarder;
using ReviewMechanism.ReverseProxy.Model;
using ReviewMechanism.ReverseProxy.Routing;
using ReviewMechanism.ReverseProxy.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddReverseProxy().LoadFromConfig(configuration.GetSection("ReverseProxy"))</c>, as with YARP.</summary>
public static class ReverseProxyServiceCollectionExtensions
{
    public static IReverseProxyBuilder AddReverseProxy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHttpForwarder, HttpForwarder>();
        services.TryAddSingleton<ProxyPipeline>();
        return new ReverseProxyBuilder(services);
    }

    /// <summary>Routes and clusters from a <c>ReverseProxy</c> section; destination references resolve against the whole configuration (Aspire's <c>services:*</c>).</summary>
    public static IReverseProxyBuilder LoadFromConfig(this IReverseProxyBuilder builder, IConfigurationSection section)
    {
        builder.Services.AddSingleton(sp => ProxyConfigLoader.Load(section));
        builder.Services.AddSingleton(sp => new ProxyState(
            sp.GetRequiredService<ProxyConfig>(),
            new DestinationResolver(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<ILogger<ProxyState>>()));
        return builder;
    }

    private sealed record ReverseProxyBuilder(IServiceCollection Services) : IReverseProxyBuilder;
}

public interface IReverseProxyBuilder
{
    IServiceCollection Services { get; }
}
