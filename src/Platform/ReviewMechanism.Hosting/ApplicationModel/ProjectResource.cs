using System.Globalization;

namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>
/// A .NET project of the solution, run from its built assembly with <c>dotnet</c>. It has two
/// endpoints by default: <c>http</c> (HTTP/1.1 + HTTP/2) and <c>grpc</c> (h2c).
/// </summary>
public sealed class ProjectResource : Resource, IResourceWithEndpoints, IResourceWithEnvironment, IResourceWithWaitSupport
{
    private readonly Dictionary<string, int[]> _allocated = new(StringComparer.Ordinal);

    public ProjectResource(string name, IProjectMetadata metadata)
        : base(name)
    {
        Metadata = metadata;
    }

    public IProjectMetadata Metadata { get; }

    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    public IReadOnlyList<EndpointAnnotation> Endpoints =>
        Annotations.OfType<EndpointAnnotation>().GroupBy(e => e.Name).Select(g => g.Last()).ToList();

    /// <summary>The URL of each replica's endpoint; throws before ports are allocated.</summary>
    public IReadOnlyList<string> GetAllocatedUrls(string endpointName)
    {
        lock (_allocated)
        {
            return _allocated.TryGetValue(endpointName, out var ports)
                ? ports.Select(p => "http://127.0.0.1:" + p.ToString(CultureInfo.InvariantCulture)).ToList()
                : throw new InvalidOperationException(Endpoints.Any(e => e.Name == endpointName)
                    ? $"The ports of {Name} are not allocated yet (the application has not started)."
                    : $"{Name} has no endpoint named '{endpointName}' (it has: {string.Join(", ", Endpoints.Select(e => e.Name))}).");
        }
    }

    /// <summary>The URL of each replica's endpoint, or null before ports are allocated.</summary>
    public IReadOnlyList<string>? TryGetAllocatedUrls(string endpointName)
    {
        lock (_allocated)
        {
            return _allocated.ContainsKey(endpointName) ? GetAllocatedUrls(endpointName) : null;
        }
    }

    internal void AllocatePorts(Func<EndpointAnnotation, int, int> allocate)
    {
        lock (_allocated)
        {
            _allocated.Clear();
            foreach (var endpoint in Endpoints)
            {
                _allocated[endpoint.Name] = Enumerable.Range(0, Replicas).Select(i => allocate(endpoint, i)).ToArray();
            }
        }
    }

    internal int GetAllocatedPort(string endpointName, int replica)
    {
        lock (_allocated)
        {
            return _allocated[endpointName][replica];
        }
    }
}
