using System.Globalization;
using Microsoft.Extensions.Configuration;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>
/// Runs the model: prepares the servers, starts every instance once what it waits for is healthy,
/// probes health, restarts crashed instances with exponential backoff, stops in reverse dependency order.
/// </summary>
internal sealed class Orchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationOptions _options;
    private readonly IConfiguration _configuration;
    private readonly Dictionary<IResource, List<ResourceInstance>> _instances = [];
    private readonly Dictionary<LocalServerResource, Task> _prepared = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource<Exception> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _probeClient = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) });
    private readonly Action<ResourceLogLine> _sink;
    private readonly Dictionary<string, string?> _marker;
    private Task? _stopping;
    private bool _started;

    public Orchestrator(DistributedApplicationModel model, DistributedApplicationOptions options, IConfiguration configuration, string dataDirectory)
    {
        _model = model;
        _options = options;
        _configuration = configuration;
        DataDirectory = dataDirectory;
        _marker = new Dictionary<string, string?> { [ProcessReaper.Variable] = dataDirectory };
        Notifications = new ResourceNotificationService(GetSnapshots);
        var console = new ConsoleLogWriter(model.Resources.SelectMany(InstanceNames));
        _sink = options.LogSink ?? console.Write;
        foreach (var resource in model.Resources)
        {
            var names = InstanceNames(resource).ToList();
            _instances[resource] = names
                .Select((name, replica) => new ResourceInstance(resource, replica, name, options.LogLinesKept, Notifications.NotifyChanged))
                .ToList();
        }
        foreach (var instance in Instances)
        {
            instance.Runner = CreateRunner(instance);
        }
    }

    public string DataDirectory { get; }

    public ResourceNotificationService Notifications { get; }

    public IEnumerable<ResourceInstance> Instances => _model.Resources.SelectMany(r => _instances[r]);

    /// <summary>Completes with the error when the application cannot go on (a server that cannot be prepared).</summary>
    public Task<Exception> Fatal => _fatal.Task;

    public void Start()
    {
        _started = true;
        foreach (var server in _model.Resources.OfType<LocalServerResource>())
        {
            _prepared[server] = PrepareAsync(server);
        }
        foreach (var instance in Instances)
        {
            instance.Supervisor = Task.Run(() => SuperviseAsync(instance));
        }
    }

    /// <summary>Logs lines for an instance (by its name, e.g. <c>multi-1</c>), a resource (all its instances) or <c>apphost</c>.</summary>
    public void Log(string source, string text, bool isError = false)
    {
        var owners = Instances.Where(i => i.Name == source).ToList();
        if (owners.Count == 0)
        {
            owners = Instances.Where(i => i.Resource.Name == source).ToList();
        }
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            foreach (var owner in owners)
            {
                owner.Logs.Add(trimmed);
            }
            _sink(new ResourceLogLine(source, DateTimeOffset.UtcNow, trimmed, isError));
        }
    }

    public IReadOnlyList<ResourceSnapshot> GetSnapshots(int logLines) =>
        Instances.Select(i => i.Snapshot(TypeName(i.Resource), Endpoints(i), DistributedApplicationModel.StartDependencies(i.Resource).Select(d => d.Name).ToList(), logLines)).ToList();

    public IReadOnlyList<ResourceSnapshot> GetSnapshots() => GetSnapshots(20);

    public ResourceInstance Find(string name, int replica)
    {
        var resource = _model.Find(name);
        var instances = _instances[resource];
        return replica >= 0 && replica < instances.Count
            ? instances[replica]
            : throw new ArgumentOutOfRangeException(nameof(replica), $"{name} has {instances.Count} replica(s).");
    }

    public IReadOnlyList<string> GetLogs(string name, int replica = 0) => Find(name, replica).Logs.Last(_options.LogLinesKept);

    /// <summary>SIGKILL to the instance's process (tree), as a crash would; the supervisor restarts it.</summary>
    public void Kill(string name, int replica)
    {
        var instance = Find(name, replica);
        Log(instance.Name, $"Killing {instance.Name} (pid {instance.Runner.Pid}) with SIGKILL.", isError: true);
        instance.Runner.Kill();
    }

    /// <summary>
    /// Stops every instance of the resource gracefully (a broker or database restart, not a crash: that
    /// is <see cref="Kill"/>); it stays stopped (no restart) until <see cref="StartResourceAsync"/>.
    /// </summary>
    public async Task StopResourceAsync(string name)
    {
        var resource = _model.Find(name);
        await Task.WhenAll(_instances[resource].Select(i => StopInstanceAsync(i, StopMode.Graceful))).ConfigureAwait(false);
        await Notifications.WaitForResourceAsync(name, s => s.State is KnownResourceStates.Stopped or KnownResourceStates.NotStarted or KnownResourceStates.FailedToStart).ConfigureAwait(false);
    }

    /// <summary>Starts a stopped resource again (same ports, same data).</summary>
    public Task StartResourceAsync(string name)
    {
        foreach (var instance in _instances[_model.Find(name)])
        {
            instance.AllowStart();
        }
        return Task.CompletedTask;
    }

    /// <summary>Stops everything: dependents before what they depend on (projects first, then infrastructure).</summary>
    public Task StopAsync()
    {
        lock (_shutdown)
        {
            return _stopping ??= _started ? StopAllAsync() : Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _probeClient.Dispose();
        _shutdown.Dispose();
    }

    private async Task StopAllAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        var order = ShutdownOrder.Dependents(_model.Resources);
        var stops = new Dictionary<IResource, Task>();
        Task StopResource(IResource resource)
        {
            if (!stops.TryGetValue(resource, out var task))
            {
                var dependents = order[resource].Select(StopResource).ToList();
                task = StopAfterAsync(resource, dependents);
                stops[resource] = task;
            }
            return task;
        }
        foreach (var resource in _model.Resources)
        {
            _ = StopResource(resource);
        }
        await Task.WhenAll(stops.Values).ConfigureAwait(false);
        await Task.WhenAll(Instances.Select(i => i.Supervisor)).ConfigureAwait(false);
        // A safety net: anything still carrying the marker (an epmd, a backend) goes now.
        var left = await ProcessReaper.ReapAsync(DataDirectory, TimeSpan.FromSeconds(5), line => Log("apphost", line, isError: true)).ConfigureAwait(false);
        if (left == 0)
        {
            Log("apphost", "Stopped.");
        }
    }

    private async Task StopAfterAsync(IResource resource, List<Task> dependents)
    {
        await Task.WhenAll(dependents).ConfigureAwait(false);
        await Task.WhenAll(_instances[resource].Select(i => StopInstanceAsync(i, _options.StopMode))).ConfigureAwait(false);
    }

    private async Task StopInstanceAsync(ResourceInstance instance, StopMode mode)
    {
        instance.RequestStop();
        try
        {
            await instance.Runner.StopAsync(mode).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log(instance.Name, $"Stopping failed: {e.Message}; killing it.", isError: true);
            try
            {
                instance.Runner.Kill();
            }
            catch (Exception kill) when (kill is not OutOfMemoryException)
            {
                Log(instance.Name, $"Killing failed too: {kill.Message}", isError: true);
            }
        }
        instance.Update(s =>
        {
            s.State = KnownResourceStates.Stopped;
            s.Health = HealthStatus.Unknown;
            s.Pid = null;
            s.StoppedAt = DateTimeOffset.UtcNow;
        });
    }

    private async Task PrepareAsync(LocalServerResource server)
    {
        var options = new ServerOptions(Path.Combine(DataDirectory, server.Name))
        {
            Port = server.Port is { } fixedPort && !_options.RandomizePorts ? ConfiguredPort(server.Name, "tcp") ?? fixedPort : ConfiguredPort(server.Name, "tcp") ?? 0,
            Output = (line, isError) => Log(server.Name, line, isError),
            Environment = _marker,
        };
        try
        {
            await Task.Yield();
            await server.PrepareAsync(options, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!_shutdown.IsCancellationRequested)
        {
            var error = new DistributedApplicationException($"{server.Name} cannot be prepared: {e.Message}", e);
            Log(server.Name, error.Message, isError: true);
            foreach (var instance in _instances[server])
            {
                instance.Update(s => { s.State = KnownResourceStates.FailedToStart; s.Error = e.Message; });
            }
            _fatal.TrySetResult(error);
            throw;
        }
    }

    private async Task SuperviseAsync(ResourceInstance instance)
    {
        var shutdown = _shutdown.Token;
        try
        {
            instance.Update(s => s.State = KnownResourceStates.Waiting);
            foreach (var dependency in DistributedApplicationModel.StartDependencies(instance.Resource))
            {
                await Notifications.WaitForResourceHealthyAsync(dependency.Name, shutdown).ConfigureAwait(false);
            }
            await Task.WhenAll(PreparedTasks(instance.Resource)).WaitAsync(shutdown).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            instance.Update(s => s.State = KnownResourceStates.NotStarted);
            return;
        }
        catch (Exception e)
        {
            instance.Update(s => { s.State = KnownResourceStates.FailedToStart; s.Error = e.Message; });
            return;
        }

        var crashesInARow = 0;
        while (!shutdown.IsCancellationRequested)
        {
            try
            {
                await instance.WaitUntilStartAllowedAsync(shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            // This run's stop signal: a later StartResource replaces the instance's, not this one.
            var stopped = instance.StopCancellation.Token;
            using var run = CancellationTokenSource.CreateLinkedTokenSource(shutdown, stopped);
            instance.Update(s =>
            {
                s.State = KnownResourceStates.Starting;
                s.StartedAt = DateTimeOffset.UtcNow;
                s.HealthyAt = null;
                s.Health = HealthStatus.Unknown;
                s.ExitCode = null;
                s.Error = null;
                s.RestartDelaySeconds = 0;
                s.StopRequestedAt = null;
                s.StoppedAt = null;
            });
            Exception? failure = null;
            try
            {
                await instance.Runner.StartAsync(run.Token).ConfigureAwait(false);
                instance.Update(s =>
                {
                    s.Pid = instance.Runner.Pid;
                    if (!s.StopRequested)
                    {
                        s.State = KnownResourceStates.Running;
                    }
                });
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                await instance.Runner.StopAsync(_options.StopMode).ConfigureAwait(false);
                continue;
            }
            catch (Exception e)
            {
                failure = e;
            }

            int exitCode;
            if (failure is null)
            {
                var health = MonitorHealthAsync(instance, run.Token);
                exitCode = await instance.Runner.Exited.ConfigureAwait(false);
                await run.CancelAsync().ConfigureAwait(false);
                await health.ConfigureAwait(false);
            }
            else
            {
                exitCode = -1;
                Log(instance.Name, $"Failed to start: {failure.Message}", isError: true);
            }
            if (shutdown.IsCancellationRequested || stopped.IsCancellationRequested)
            {
                instance.Update(s =>
                {
                    s.State = KnownResourceStates.Stopped;
                    s.ExitCode = exitCode;
                    s.Pid = null;
                    s.Health = HealthStatus.Unknown;
                    s.StoppedAt ??= DateTimeOffset.UtcNow;
                });
                continue;
            }

            var stable = instance.HealthyAt is { } healthyAt && DateTimeOffset.UtcNow - healthyAt >= _options.StableAfter;
            crashesInARow = stable ? 1 : crashesInARow + 1;
            var delay = TimeSpan.FromTicks(Math.Min(
                _options.MaxRestartDelay.Ticks,
                _options.RestartDelay.Ticks * (1L << Math.Min(crashesInARow - 1, 20))));
            instance.Update(s =>
            {
                s.State = KnownResourceStates.Restarting;
                s.ExitCode = exitCode;
                s.Error = failure?.Message ?? $"exited with code {exitCode}";
                s.Health = HealthStatus.Unknown;
                s.Pid = null;
                s.RestartDelaySeconds = delay.TotalSeconds;
            });
            Log(instance.Name, $"{instance.Name} {(failure is null ? $"exited with code {exitCode}" : "failed to start")}; restarting in {delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (crash {crashesInARow} in a row).", isError: true);
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(shutdown, stopped);
                await Task.Delay(delay, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                continue;
            }
            instance.Update(s => s.RestartCount++);
        }
    }

    private async Task MonitorHealthAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var healthy = await instance.Runner.ProbeAsync(cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                var status = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy;
                if (instance.Health != status)
                {
                    instance.Update(s =>
                    {
                        s.Health = status;
                        if (healthy)
                        {
                            s.HealthyAt ??= DateTimeOffset.UtcNow;
                        }
                    });
                }
                await Task.Delay(healthy ? _options.HealthCheckInterval : TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private IEnumerable<Task> PreparedTasks(IResource resource)
    {
        var servers = DistributedApplicationModel.Dependencies(resource).Append(resource)
            .Select(r => r is PostgresDatabaseResource database ? database.Server : r)
            .OfType<LocalServerResource>()
            .Distinct();
        return servers.Select(s => _prepared[s]);
    }

    private IInstanceRunner CreateRunner(ResourceInstance instance) => instance.Resource switch
    {
        ProjectResource project => new ProjectRunner(
            project,
            instance.Replica,
            () => ProjectEnvironment.Build(project, instance.Replica, instance.Name, _options, _configuration, DataDirectory, _marker),
            _options,
            (line, isError) => Log(instance.Name, line, isError),
            _probeClient),
        PostgresDatabaseResource database => new DatabaseRunner(database, () => _instances[database.Server][0].IsHealthy),
        LocalServerResource server => new ServerRunner(server),
        _ => throw new NotSupportedException($"No runner for {instance.Resource.GetType().Name}."),
    };

    private int? ConfiguredPort(string resource, string endpoint) =>
        _configuration.GetValue<int?>($"AppHost:Ports:{resource}:{endpoint}");

    /// <summary>Gives every project endpoint a port: configured, fixed in the graph, or free.</summary>
    public void AllocatePorts()
    {
        var taken = new HashSet<int>();
        foreach (var project in _model.Resources.OfType<ProjectResource>())
        {
            project.AllocatePorts((endpoint, replica) =>
            {
                var wanted = ConfiguredPort(project.Name, endpoint.Name) ?? (_options.RandomizePorts ? null : endpoint.Port);
                if (wanted is { } port)
                {
                    port += replica;
                    if (!taken.Add(port) || !IsFree(port))
                    {
                        throw new DistributedApplicationException(
                            $"Port {port} ({project.Name} {endpoint.Name}) is in use. Stop what uses it, or choose another: --AppHost:Ports:{project.Name}:{endpoint.Name}=PORT (or --AppHost:RandomizePorts=true).");
                    }
                    return port;
                }
                int free;
                do
                {
                    free = PortAllocator.GetFreePort();
                }
                while (!taken.Add(free));
                return free;
            });
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private IReadOnlyDictionary<string, string> Endpoints(ResourceInstance instance) => instance.Resource switch
    {
        ProjectResource project => project.Endpoints
            .Where(e => project.TryGetAllocatedUrls(e.Name) is not null)
            .ToDictionary(e => e.Name, e => project.GetAllocatedUrls(e.Name)[instance.Replica]),
        LocalServerResource { Server: { } server } => new Dictionary<string, string> { ["tcp"] = $"127.0.0.1:{server.Port}" },
        PostgresDatabaseResource database => new Dictionary<string, string> { ["database"] = database.DatabaseName },
        _ => new Dictionary<string, string>(),
    };

    private static string TypeName(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        PostgresServerResource => "PostgreSQL",
        PostgresDatabaseResource => "PostgreSQL database",
        RabbitMQServerResource => "RabbitMQ",
        RedisResource => "Redis",
        _ => resource.GetType().Name,
    };

    private static IEnumerable<string> InstanceNames(IResource resource)
    {
        var replicas = resource is ProjectResource project ? project.Replicas : 1;
        return replicas == 1
            ? [resource.Name]
            : Enumerable.Range(0, replicas).Select(i => $"{resource.Name}-{i}");
    }
}
