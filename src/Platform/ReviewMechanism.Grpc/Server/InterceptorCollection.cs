using System.Collections.ObjectModel;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server;

/// <summary>
/// The server interceptors, outermost first. Each entry is a type (taken from DI when registered,
/// created with its constructor's services otherwise) or a ready instance. Each is created once at
/// startup and shared by every call, so it must be thread-safe; per-call services come from
/// <c>context.GetHttpContext().RequestServices</c>.
/// </summary>
public sealed class InterceptorCollection : Collection<InterceptorRegistration>
{
    public void Add<TInterceptor>()
        where TInterceptor : Interceptor
        => Add(new InterceptorRegistration(typeof(TInterceptor), null));

    public void Add(Type interceptorType)
    {
        ArgumentNullException.ThrowIfNull(interceptorType);
        if (!typeof(Interceptor).IsAssignableFrom(interceptorType))
        {
            throw new ArgumentException($"Type {interceptorType} does not derive from {typeof(Interceptor)}.", nameof(interceptorType));
        }
        Add(new InterceptorRegistration(interceptorType, null));
    }

    public void Add(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        Add(new InterceptorRegistration(interceptor.GetType(), interceptor));
    }
}

/// <summary>One interceptor of the pipeline: a type to resolve, or an instance.</summary>
public sealed record InterceptorRegistration(Type Type, Interceptor? Instance);
