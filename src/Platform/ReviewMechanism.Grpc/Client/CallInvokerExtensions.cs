using ReviewMechanism.Grpc.Client.Internal;

namespace ReviewMechanism.Grpc.Interceptors;

/// <summary>Client interceptors around a call invoker (the same shape as Grpc.Core.Interceptors).</summary>
public static class CallInvokerExtensions
{
    /// <summary>
    /// Wraps the invoker with interceptors. The first interceptor is the outermost: it sees each call
    /// first and its continuation runs the next one, ending with <paramref name="invoker"/>.
    /// </summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = new InterceptingCallInvoker(invoker, interceptors[i] ?? throw new ArgumentException("An interceptor is null.", nameof(interceptors)));
        }
        return invoker;
    }

    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor) => invoker.Intercept([interceptor]);

    /// <summary>Adds headers to every call, from a function of the existing metadata (e.g. a correlation id).</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor) =>
        invoker.Intercept(new MetadataInterceptor(interceptor));
}
