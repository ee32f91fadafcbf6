namespace ReviewMechanism.Grpc.Client;

/// <summary>Adds authentication metadata (e.g. <c>authorization: Bearer ...</c>) to a call before it is sent.</summary>
public delegate Task AsyncAuthInterceptor(AuthInterceptorContext context, Metadata metadata);

/// <summary>What call credentials know about the call they decorate.</summary>
public sealed class AuthInterceptorContext
{
    public AuthInterceptorContext(string serviceUrl, IMethod method, CancellationToken cancellationToken)
    {
        ServiceUrl = serviceUrl;
        Method = method;
        CancellationToken = cancellationToken;
    }

    /// <summary>The channel address and service, e.g. <c>https://host:port/package.Service</c> (an audience for tokens).</summary>
    public string ServiceUrl { get; }

    public IMethod Method { get; }

    public string MethodName => Method.Name;

    public CancellationToken CancellationToken { get; }
}

/// <summary>
/// Credentials applied to every call of a channel or client. Sent only over TLS unless the channel sets
/// <see cref="GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials"/>; on an insecure channel
/// without that option the call fails with UNAUTHENTICATED instead of silently sending no credentials.
/// </summary>
public sealed class CallCredentials
{
    private CallCredentials(AsyncAuthInterceptor interceptor)
    {
        Interceptor = interceptor;
    }

    internal AsyncAuthInterceptor Interceptor { get; }

    public static CallCredentials FromInterceptor(AsyncAuthInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        return new CallCredentials(interceptor);
    }
}
