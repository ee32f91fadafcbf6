using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Dashboard;
using ReviewMechanism.Hosting.Orchestration;

namespace ReviewMechanism.Hosting;

/// <summary>
/// The running application: an Aspire-shaped orchestrator for local processes. Build it with
/// <see cref="CreateBuilder(string[])"/>, then <see cref="RunAsync"/> (the AppHost) or
/// <see cref="StartAsync"/> / <see cref="DisposeAsync"/> (tests).
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    /// <summary>Assembly metadata the AppHost's build writes (eng/ProjectResources.targets).</summary>
    public const string RepoRootMetadataKey = "ReviewMechanism.RepoRoot";

    private readonly Orchestrator _orchestrator;
    private readonly Stopwatch _clock = new();
    private readonly List<IDisposable> _disposeWithApplication = [];
    private DashboardServer? _dashboard;
    private FileStream? _lock;
    private bool _started;

    internal DistributedApplication(DistributedApplicationModel model, DistributedApplicationOptions options, IConfiguration configuration)
    {
        Model = model;
        Options = options;
        Configuration = configuration;
        DataDirectory = ResolveDataDirectory(options);
        _orchestrator = new Orchestrator(model, options, configuration, DataDirectory);
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options);

    public DistributedApplicationModel Model { get; }

    public DistributedApplicationOptions Options { get; }

    public IConfiguration Configuration { get; }

    /// <summary>Where the servers keep their data (one folder per server resource).</summary>
    public string DataDirectory { get; }

    public ResourceNotificationService ResourceNotifications => _orchestrator.Notifications;

    /// <summary>The dashboard page, once started (null when turned off).</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    /// <summary>
    /// Checks the projects are built, allocates ports, starts the dashboard and begins starting the
    /// resources (each once what it waits for is healthy). Returns without waiting for health.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The application was already started.");
        }
        _started = true;
        _clock.Start();
        CheckProjectsAreBuilt();
        Directory.CreateDirectory(DataDirectory);
        _lock = LockDataDirectory(DataDirectory);
        await ProcessReaper.ReapAsync(DataDirectory, TimeSpan.FromSeconds(10), line => _orchestrator.Log("apphost", line, isError: true)).ConfigureAwait(false);
        _orchestrator.AllocatePorts();
        if (Options.DashboardPort >= 0)
        {
            _dashboard = await DashboardServer.StartAsync(this, Options.DashboardPort, cancellationToken).ConfigureAwait(false);
        }
        _orchestrator.Log("apphost", $"Data folder: {DataDirectory}");
        if (_dashboard is not null)
        {
            _orchestrator.Log("apphost", $"Dashboard: {_dashboard.Url}");
        }
        foreach (var project in Model.Resources.OfType<ProjectResource>().Where(p => p.Annotations.OfType<ExternalEndpointsAnnotation>().Any()))
        {
            var endpoints = project.Endpoints.Select(e => $"{e.Name} {project.GetAllocatedUrls(e.Name)[0]}{(e.Protocols == EndpointProtocols.Http2 ? " (h2c)" : "")}");
            _orchestrator.Log("apphost", $"{project.Name} listens on: {string.Join(", ", endpoints)}");
        }
        _orchestrator.Start();
        _ = ReportWhenHealthyAsync();
    }

    /// <summary>Waits until every resource is running and healthy; fails when the application cannot go on.</summary>
    public async Task WaitForAllHealthyAsync(CancellationToken cancellationToken = default)
    {
        var healthy = ResourceNotifications.WaitAsync(all => all.All(s => s.IsHealthy) ? all : null, cancellationToken);
        var first = await Task.WhenAny(healthy, _orchestrator.Fatal).ConfigureAwait(false);
        if (first == _orchestrator.Fatal)
        {
            throw await _orchestrator.Fatal.ConfigureAwait(false);
        }
        await healthy.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs until Ctrl+C, SIGTERM or SIGHUP (or <paramref name="cancellationToken"/>), then stops
    /// projects first and infrastructure last. Errors that stop the AppHost are printed, exit code 1.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = 0;
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                if (Interlocked.Exchange(ref signalled, 1) == 0)
                {
                    _orchestrator.Log("apphost", $"{context.Signal}: stopping (projects first, then infrastructure).");
                }
                stop.Cancel();
            }))
            .ToList();
        try
        {
            await StartAsync(stop.Token).ConfigureAwait(false);
            var fatal = _orchestrator.Fatal;
            await Task.WhenAny(fatal, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
            if (fatal.IsCompleted)
            {
                _orchestrator.Log("apphost", (await fatal.ConfigureAwait(false)).Message, isError: true);
                Environment.ExitCode = 1;
            }
        }
        catch (DistributedApplicationException e)
        {
            _orchestrator.Log("apphost", e.Message, isError: true);
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while starting.
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Stops every resource in reverse dependency order, then the dashboard.</summary>
    public async Task StopAsync()
    {
        if (_started)
        {
            await _orchestrator.StopAsync().ConfigureAwait(false);
        }
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync().ConfigureAwait(false);
            _dashboard = null;
        }
        _lock?.Dispose();
        _lock = null;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_disposeWithApplication)
        {
            foreach (var disposable in _disposeWithApplication)
            {
                disposable.Dispose();
            }
            _disposeWithApplication.Clear();
        }
        await StopAsync().ConfigureAwait(false);
        await _orchestrator.DisposeAsync().ConfigureAwait(false);
        if (Options.DeleteDataDirectoryOnDispose && Directory.Exists(DataDirectory))
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A throwaway folder under the temp directory; not worth failing a test for.
            }
        }
    }

    /// <summary>Current state of every resource instance (what the dashboard shows).</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots(int recentLogLines = 20) => _orchestrator.GetSnapshots(recentLogLines);

    /// <summary>The URL of a project's endpoint, e.g. <c>GetEndpoint("reviews", "grpc")</c>.</summary>
    public Uri GetEndpoint(string resource, string endpoint = "http", int replica = 0) =>
        Model.Find(resource) is ProjectResource project
            ? new Uri(project.GetAllocatedUrls(endpoint)[replica])
            : throw new ArgumentException($"{resource} is not a project; servers have connection strings (GetConnectionString).", nameof(resource));

    /// <summary>The connection string a referencing project would get as <c>ConnectionStrings__{resource}</c>.</summary>
    public string GetConnectionString(string resource) =>
        Model.Find(resource) is IResourceWithConnectionString source
            ? source.ConnectionString ?? throw new InvalidOperationException($"{resource} is not prepared yet; wait for it to be healthy.")
            : throw new ArgumentException($"{resource} has no connection string.", nameof(resource));

    /// <summary>SIGKILL to the resource's process (as a crash would); the orchestrator restarts it with backoff.</summary>
    public void KillResource(string resource, int replica = 0) => _orchestrator.Kill(resource, replica);

    /// <summary>Stops a resource (gracefully); it stays down until <see cref="StartResourceAsync"/>.</summary>
    public Task StopResourceAsync(string resource) => _orchestrator.StopResourceAsync(resource);

    /// <summary>Starts a stopped resource again on the same ports and data.</summary>
    public Task StartResourceAsync(string resource) => _orchestrator.StartResourceAsync(resource);

    /// <summary>The lines kept for a resource instance (<see cref="DistributedApplicationOptions.LogLinesKept"/>).</summary>
    public IReadOnlyList<string> GetLogs(string resource, int replica = 0) => _orchestrator.GetLogs(resource, replica);

    internal TimeSpan Uptime => _clock.Elapsed;

    /// <summary>Things made for callers (the testing builder's gRPC channels) that end with the application.</summary>
    internal T DisposeWithApplication<T>(T disposable) where T : IDisposable
    {
        lock (_disposeWithApplication)
        {
            _disposeWithApplication.Add(disposable);
        }
        return disposable;
    }

    private async Task ReportWhenHealthyAsync()
    {
        try
        {
            await WaitForAllHealthyAsync().ConfigureAwait(false);
            var count = Model.Resources.Count;
            _orchestrator.Log("apphost", $"All {count} resources are healthy after {_clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s.");
        }
        catch (Exception)
        {
            // Reported where it happened.
        }
    }

    private void CheckProjectsAreBuilt()
    {
        var missing = Model.Resources.OfType<ProjectResource>().Where(p => !File.Exists(p.Metadata.AssemblyPath)).ToList();
        if (missing.Count > 0)
        {
            var lines = missing.Select(p => $"  {p.Name}: {p.Metadata.AssemblyPath}");
            throw new DistributedApplicationException(
                "These projects are not built (their assemblies are missing):\n" + string.Join('\n', lines) +
                "\nBuild them first: dotnet build ReviewMechanism.AppHost (dotnet run --project ReviewMechanism.AppHost builds them too).");
        }
    }

    private static FileStream LockDataDirectory(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "apphost.pid");
        try
        {
            var stream = new FileStream(Path.Combine(dataDirectory, "apphost.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(pidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return stream;
        }
        catch (IOException)
        {
            var owner = File.Exists(pidFile) ? $" (pid {File.ReadAllText(pidFile).Trim()})" : "";
            throw new DistributedApplicationException(
                $"Another AppHost{owner} uses the data folder {dataDirectory}. Stop it, or choose another folder: --AppHost:DataDirectory=PATH.");
        }
    }

    private static string ResolveDataDirectory(DistributedApplicationOptions options)
    {
        if (!string.IsNullOrEmpty(options.DataDirectory))
        {
            return Path.GetFullPath(options.DataDirectory);
        }
        var assembly = options.AppHostAssembly ?? Assembly.GetEntryAssembly();
        var root = assembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == RepoRootMetadataKey)?.Value;
        return Path.GetFullPath(Path.Combine(root ?? Environment.CurrentDirectory, ".data"));
    }
}
