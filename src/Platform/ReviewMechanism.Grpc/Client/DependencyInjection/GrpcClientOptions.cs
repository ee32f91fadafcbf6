using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Client;

/// <summary>
/// How a typed client registered with <c>AddGrpcClient</c> finds its service and decorates its calls.
/// Channel-wide settings (message sizes, retries, handler) are <see cref="GrpcChannelOptions"/>,
/// configured once with <c>services.Configure&lt;GrpcChannelOptions&gt;(...)</c>.
/// </summary>
public sealed class GrpcClientOptions
{
    /// <summary>The resource name of the service in configuration (<c>services:{ServiceName}:...</c>).</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>The endpoint name: <c>services:{ServiceName}:{EndpointName}:0</c>. Default "grpc" (then "https", then "http").</summary>
    public string EndpointName { get; set; } = "grpc";

    /// <summary>An explicit address; when set, configuration is not read.</summary>
    public Uri? Address { get; set; }

    /// <summary>Interceptors, created for each client instance from the resolving service provider, outermost first.</summary>
    public IList<Func<IServiceProvider, Interceptor>> InterceptorFactories { get; } = new List<Func<IServiceProvider, Interceptor>>();

    /// <summary>Call credentials, created for each client instance from the resolving service provider.</summary>
    public IList<Func<IServiceProvider, CallCredentials>> CallCredentialsFactories { get; } = new List<Func<IServiceProvider, CallCredentials>>();

    /// <summary>Allow this client's call credentials over cleartext (h2c) addresses. Default false.</summary>
    public bool UnsafeUseInsecureChannelCallCredentials { get; set; }
}
