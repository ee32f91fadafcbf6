using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>One supervised instance of a resource: its state, counters, recent output and controls.</summary>
internal sealed class ResourceInstance(IResource resource, int replica, string name, int logCapacity, Action changed)
{
    private readonly object _gate = new();
    private TaskCompletionSource _startAllowed = CompletedSource();

    public IResource Resource { get; } = resource;

    public int Replica { get; } = replica;

    public string Name { get; } = name;

    public LogBuffer Logs { get; } = new(logCapacity);

    public IInstanceRunner Runner { get; set; } = null!;

    public Task Supervisor { get; set; } = Task.CompletedTask;

    public string State { get; private set; } = KnownResourceStates.NotStarted;

    public HealthStatus Health { get; private set; }

    public int RestartCount { get; private set; }

    public int? Pid { get; private set; }

    public int? ExitCode { get; private set; }

    public double RestartDelaySeconds { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? HealthyAt { get; private set; }

    public DateTimeOffset? StopRequestedAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>Set by an explicit stop (of the resource or the application): the exit that follows is no crash.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Cancelled by a stop request: interrupts a pending start or restart delay.</summary>
    public CancellationTokenSource StopCancellation { get; private set; } = new();

    public bool IsHealthy
    {
        get
        {
            lock (_gate)
            {
                return State == KnownResourceStates.Running && Health == HealthStatus.Healthy;
            }
        }
    }

    public void Update(Action<Mutable> change)
    {
        lock (_gate)
        {
            change(new Mutable(this));
        }
        changed();
    }

    public void RequestStop()
    {
        CancellationTokenSource stop;
        lock (_gate)
        {
            StopRequested = true;
            StopRequestedAt = DateTimeOffset.UtcNow;
            _startAllowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (State is KnownResourceStates.Running or KnownResourceStates.Starting)
            {
                State = KnownResourceStates.Stopping;
            }
            stop = StopCancellation;
        }
        stop.Cancel();
        changed();
    }

    public void AllowStart()
    {
        TaskCompletionSource allowed;
        lock (_gate)
        {
            StopRequested = false;
            StopCancellation = new CancellationTokenSource();
            allowed = _startAllowed;
        }
        allowed.TrySetResult();
        changed();
    }

    public Task WaitUntilStartAllowedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _startAllowed.Task.WaitAsync(cancellationToken);
        }
    }

    public ResourceSnapshot Snapshot(string type, IReadOnlyDictionary<string, string> endpoints, IReadOnlyList<string> waitsFor, int logLines)
    {
        lock (_gate)
        {
            return new ResourceSnapshot
            {
                Name = Name,
                Resource = Resource.Name,
                Replica = Replica,
                Type = type,
                State = State,
                Health = Health,
                RestartCount = RestartCount,
                Pid = Pid,
                ExitCode = ExitCode,
                RestartDelaySeconds = RestartDelaySeconds,
                Endpoints = endpoints,
                WaitsFor = waitsFor,
                StartedAt = StartedAt,
                HealthyAt = HealthyAt,
                StopRequestedAt = StopRequestedAt,
                StoppedAt = StoppedAt,
                Error = Error,
                RecentLogs = Logs.Last(logLines),
            };
        }
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    /// <summary>Write access to the state, only inside <see cref="Update"/>.</summary>
    internal readonly struct Mutable(ResourceInstance instance)
    {
        public string State { get => instance.State; set => instance.State = value; }

        public bool StopRequested => instance.StopRequested;

        public HealthStatus Health { get => instance.Health; set => instance.Health = value; }

        public int RestartCount { get => instance.RestartCount; set => instance.RestartCount = value; }

        public int? Pid { set => instance.Pid = value; }

        public int? ExitCode { set => instance.ExitCode = value; }

        public double RestartDelaySeconds { set => instance.RestartDelaySeconds = value; }

        public string? Error { set => instance.Error = value; }

        public DateTimeOffset? StartedAt { set => instance.StartedAt = value; }

        public DateTimeOffset? HealthyAt { get => instance.HealthyAt; set => instance.HealthyAt = value; }

        public DateTimeOffset? StoppedAt { get => instance.StoppedAt; set => instance.StoppedAt = value; }

        public DateTimeOffset? StopRequestedAt { set => instance.StopRequestedAt = value; }
    }
}
