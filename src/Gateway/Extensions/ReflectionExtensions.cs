using Gateway.Reflection;
using Grpc.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Extensions;

public static class ReflectionExtensions
{
    /// <summary>
    /// Server reflection at the gateway (v1 and v1alpha, mapped by <c>MapDefaultEndpoints</c>) describes the services
    /// clients reach through it (<see cref="RoutedServices"/>), not the gateway's own endpoints: a partner lists and
    /// calls the whole API from one address.
    /// </summary>
    public static WebApplicationBuilder AddRoutedServicesReflection(this WebApplicationBuilder builder)
    {
        var services = RoutedServices.From(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(new ReflectionServiceImpl(services)));
        builder.Services.Replace(ServiceDescriptor.Singleton(new ReflectionV1ServiceImpl(services)));
        return builder;
    }
}
