using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Creates the service instance of a call from the request's DI scope: resolved when the service
/// type is registered, constructed with its dependencies otherwise (and then disposed with the request).
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly bool _registered;
    private readonly ObjectFactory? _factory;
    private readonly bool _disposable;
    private readonly bool _asyncDisposable;

    public ServiceActivator(IServiceProvider rootServices)
    {
        _registered = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? false;
        if (!_registered)
        {
            _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
            _asyncDisposable = typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));
            _disposable = !_asyncDisposable && typeof(IDisposable).IsAssignableFrom(typeof(TService));
        }
    }

    public TService Create(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        if (_registered)
        {
            return services.GetRequiredService<TService>();
        }
        var service = (TService)_factory!(services, null);
        if (_asyncDisposable)
        {
            httpContext.Response.RegisterForDisposeAsync((IAsyncDisposable)service);
        }
        else if (_disposable)
        {
            httpContext.Response.RegisterForDispose((IDisposable)service);
        }
        return service;
    }
}
