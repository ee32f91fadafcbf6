using Microsoft.Extensions.Configuration;

namespace ReviewMechanism.Grpc.Client;

/// <summary>
/// Service addresses from configuration in Aspire's convention: <c>services:{name}:{endpoint}:0</c>
/// (environment variable <c>services__{name}__{endpoint}__0</c>).
/// </summary>
public static class ServiceAddressResolver
{
    /// <summary>
    /// The first address of the service's endpoint. For the default endpoint "grpc" the "https"
    /// and then "http" endpoints are tried when "grpc" is not configured.
    /// </summary>
    public static Uri Resolve(IConfiguration configuration, string serviceName, string endpointName = "grpc")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        string[] candidates = endpointName == "grpc" ? ["grpc", "https", "http"] : [endpointName];
        foreach (var endpoint in candidates)
        {
            var value = configuration[$"services:{serviceName}:{endpoint}:0"];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"Configuration 'services:{serviceName}:{endpoint}:0' is '{value}', which is not an absolute http:// or https:// address.");
            }
            return address;
        }
        throw new InvalidOperationException(
            $"No address is configured for gRPC service '{serviceName}'. Set 'services:{serviceName}:{endpointName}:0' " +
            $"(environment variable services__{serviceName}__{endpointName}__0), e.g. http://127.0.0.1:5123.");
    }
}
