namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>An environment variable for the resource's process; the value is computed when it starts.</summary>
public sealed record EnvironmentAnnotation(string Name, Func<string?> Value) : IResourceAnnotation;

/// <summary>The resource gets the target's connection string or endpoints.</summary>
public sealed record ReferenceAnnotation(IResource Target, string ConnectionName) : IResourceAnnotation;

/// <summary>The resource starts only once the target is running and healthy.</summary>
public sealed record WaitAnnotation(IResource Target) : IResourceAnnotation;

/// <summary>Health is an HTTP GET of <see cref="Path"/> on the named endpoint answering 2xx.</summary>
public sealed record HttpHealthCheckAnnotation(string Path, string EndpointName) : IResourceAnnotation;

/// <summary>How many processes of the project run side by side.</summary>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>A named endpoint; <see cref="Port"/> null means a free port is chosen at start.</summary>
public sealed record EndpointAnnotation(string Name, EndpointProtocols Protocols, int? Port) : IResourceAnnotation;

/// <summary>What a Kestrel endpoint speaks.</summary>
public enum EndpointProtocols
{
    /// <summary>HTTP/1.1 and HTTP/2 (browsers, health probes).</summary>
    Http1AndHttp2,

    /// <summary>HTTP/2 only: cleartext h2c with prior knowledge, as gRPC clients speak.</summary>
    Http2,
}

/// <summary>The project gets a folder of its own in the AppHost's data folder, through this environment variable.</summary>
public sealed record DataDirectoryAnnotation(string EnvironmentVariable) : IResourceAnnotation;
