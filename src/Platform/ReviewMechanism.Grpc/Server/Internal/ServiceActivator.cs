using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Creates the service instance of a call. A registered service is resolved from the request's DI
/// scope; an unregistered one is constructed with its dependencies (and disposed with the request).
/// When the service, or every dependency of its constructor, is a singleton, the root container is
/// used and no per-request scope is created (a scope costs a few hundred bytes per call).
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly IServiceProvider _root;
    private readonly bool _registered;
    private readonly bool _fromRoot;
    private readonly ObjectFactory? _factory;
    private readonly bool _disposable;
    private readonly bool _asyncDisposable;

    public ServiceActivator(IServiceProvider rootServices, IServiceCollection? registrations)
    {
        _root = rootServices;
        _registered = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? false;
        if (_registered)
        {
            _fromRoot = IsSingleton(registrations, typeof(TService));
            return;
        }
        _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        _asyncDisposable = typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));
        _disposable = !_asyncDisposable && typeof(IDisposable).IsAssignableFrom(typeof(TService));
        var constructors = typeof(TService).GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        _fromRoot = constructors.Length == 1
            && constructors[0].GetParameters().All(p => IsSingleton(registrations, p.ParameterType));
    }

    public TService Create(HttpContext httpContext)
    {
        if (_registered)
        {
            return (_fromRoot ? _root : httpContext.RequestServices).GetRequiredService<TService>();
        }
        var service = (TService)_factory!(_fromRoot ? _root : httpContext.RequestServices, null);
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

    private static bool IsSingleton(IServiceCollection? registrations, Type type)
    {
        if (registrations is null)
        {
            return false;
        }
        var open = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : null;
        ServiceDescriptor? exact = null;
        ServiceDescriptor? generic = null;
        foreach (var descriptor in registrations)
        {
            if (descriptor.IsKeyedService)
            {
                continue;
            }
            if (descriptor.ServiceType == type)
            {
                exact = descriptor;
            }
            else if (open is not null && descriptor.ServiceType == open)
            {
                generic = descriptor;
            }
        }
        return (exact ?? generic)?.Lifetime == ServiceLifetime.Singleton;
    }
}
