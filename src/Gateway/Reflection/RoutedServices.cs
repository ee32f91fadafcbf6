using System.Reflection;
using Google.Protobuf.Reflection;
using ReviewMechanism.Reviews.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Gateway.Reflection;

/// <summary>
/// The gRPC services a client can call through the gateway: every service a route's path names
/// (<c>/reviewmechanism.reviews.v1.ReviewsService/{**rest}</c>) whose contract is in ReviewMechanism.Contracts,
/// plus the gateway's own health and reflection services. What server reflection at the gateway lists.
/// </summary>
public static class RoutedServices
{
    public static IReadOnlyList<ServiceDescriptor> From(IConfiguration configuration)
    {
        var contracts = Contracts();
        var routed = configuration.GetSection("ReverseProxy:Routes").GetChildren()
            .Select(route => ServiceName(route["Match:Path"]))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(name => contracts.GetValueOrDefault(name))
            .OfType<ServiceDescriptor>();
        return
        [
            .. routed.OrderBy(s => s.FullName, StringComparer.Ordinal),
            Grpc.Health.V1.Health.Descriptor,
            Grpc.Reflection.V1.ServerReflection.Descriptor,
            Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
        ];
    }

    /// <summary>The service a gRPC route matches: the first path segment when it is a dotted name.</summary>
    private static string? ServiceName(string? path)
    {
        if (path is null || !path.StartsWith('/'))
        {
            return null;
        }
        var end = path.IndexOf('/', 1);
        var segment = end < 0 ? path[1..] : path[1..end];
        return segment.Contains('.', StringComparison.Ordinal) && !segment.Contains('{', StringComparison.Ordinal) ? segment : null;
    }

    /// <summary>Every service declared by the generated contracts (each proto file's <c>XxxReflection.Descriptor</c>).</summary>
    private static Dictionary<string, ServiceDescriptor> Contracts() =>
        typeof(ReviewsService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .SelectMany(f => f.Services)
            .ToDictionary(s => s.FullName, StringComparer.Ordinal);
}
