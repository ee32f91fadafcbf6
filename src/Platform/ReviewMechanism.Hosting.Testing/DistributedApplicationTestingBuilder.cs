using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting.Testing;

/// <summary>
/// Creates applications for tests, as Aspire.Hosting.Testing does: random ports (fixed ones ignored),
/// a throwaway data folder under the temp directory (deleted on dispose), fast teardown, the dashboard
/// on a free port, resources' output kept in memory (and given to <c>logSink</c> if set) instead of the console.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>A builder holding the graph of <typeparamref name="TGraph"/> (e.g. the AppHost's MechanismGraph).</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TGraph>(CancellationToken cancellationToken = default)
        where TGraph : IDistributedApplicationGraph =>
        CreateAsync<TGraph>([], null, cancellationToken);

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TGraph>(
        string[] args,
        Action<DistributedApplicationOptions>? configure,
        CancellationToken cancellationToken = default)
        where TGraph : IDistributedApplicationGraph
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = Create(args, configure, typeof(TGraph).Assembly);
        TGraph.Build(builder);
        return Task.FromResult(builder);
    }

    /// <summary>An empty builder: the test adds its own resources.</summary>
    public static IDistributedApplicationTestingBuilder Create(string[]? args = null, Action<DistributedApplicationOptions>? configure = null) =>
        Create(args ?? [], configure, System.Reflection.Assembly.GetCallingAssembly());

    private static IDistributedApplicationTestingBuilder Create(string[] args, Action<DistributedApplicationOptions>? configure, System.Reflection.Assembly appHostAssembly)
    {
        var options = new DistributedApplicationOptions
        {
            Args = args,
            AppHostAssembly = appHostAssembly,
            DataDirectory = Path.Combine(Path.GetTempPath(), $"rm-apphost-test-{Guid.NewGuid():N}"),
            DeleteDataDirectoryOnDispose = true,
            DashboardPort = 0,
            RandomizePorts = true,
            StopMode = Servers.StopMode.Fast,
            ProjectStopGrace = TimeSpan.FromSeconds(5),
            HealthCheckInterval = TimeSpan.FromSeconds(1),
            LogSink = static _ => { },
        };
        configure?.Invoke(options);
        return new TestingBuilder(DistributedApplication.CreateBuilder(options));
    }

    private sealed class TestingBuilder(IDistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder
    {
        public Microsoft.Extensions.Configuration.ConfigurationManager Configuration => inner.Configuration;

        public DistributedApplicationOptions Options => inner.Options;

        public IReadOnlyList<IResource> Resources => inner.Resources;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public IResourceBuilder<T> CreateResourceBuilder<T>(string name) where T : IResource => inner.CreateResourceBuilder<T>(name);

        public DistributedApplication Build() => inner.Build();

        public IDistributedApplicationTestingBuilder WithResources(params string[] names)
        {
            Options.ResourceSubset = [.. Options.ResourceSubset ?? [], .. names];
            return this;
        }

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(inner.Build());
        }

        public async Task<DistributedApplication> StartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            var app = await BuildAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(120));
                await app.StartAsync(limit.Token).ConfigureAwait(false);
                try
                {
                    await app.WaitForAllHealthyAsync(limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var waiting = app.GetSnapshots(recentLogLines: 5).Where(s => !s.IsHealthy)
                        .Select(s => $"{s.Name}: {s.State}/{s.Health}{(s.Error is null ? "" : $" ({s.Error})")}\n    {string.Join("\n    ", s.RecentLogs)}");
                    throw new TimeoutException($"Not healthy within {(timeout ?? TimeSpan.FromSeconds(120)).TotalSeconds:0} s:\n{string.Join('\n', waiting)}");
                }
                return app;
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }
}
