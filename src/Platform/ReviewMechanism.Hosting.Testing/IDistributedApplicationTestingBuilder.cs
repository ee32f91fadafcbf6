namespace ReviewMechanism.Hosting.Testing;

/// <summary>
/// An application builder for tests: the AppHost's graph is already in it; tests may add resources,
/// adjust existing ones (<c>CreateResourceBuilder&lt;ProjectResource&gt;("reviews").WithEnvironment(...)</c>),
/// keep a subset (<see cref="WithResources"/>), then <see cref="BuildAsync"/>.
/// </summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    /// <summary>Runs only these resources and what they depend on (databases, servers, referenced services).</summary>
    IDistributedApplicationTestingBuilder WithResources(params string[] names);

    /// <summary>Builds the application (not started yet: <c>await app.StartAsync()</c>, or use <see cref="StartAsync"/>).</summary>
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);

    /// <summary>Builds, starts and waits until every resource is healthy (disposing it if that fails or times out).</summary>
    Task<DistributedApplication> StartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
