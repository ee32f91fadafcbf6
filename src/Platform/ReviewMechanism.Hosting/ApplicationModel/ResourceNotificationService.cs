namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>Lets callers wait for resources to reach a state (Aspire's ResourceNotificationService shape).</summary>
public sealed class ResourceNotificationService
{
    private readonly Func<IReadOnlyList<ResourceSnapshot>> _snapshots;
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ResourceNotificationService(Func<IReadOnlyList<ResourceSnapshot>> snapshots)
    {
        _snapshots = snapshots;
    }

    /// <summary>Completes when every instance of <paramref name="resource"/> is running and healthy.</summary>
    public Task WaitForResourceHealthyAsync(string resource, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resource, s => s.IsHealthy, cancellationToken);

    /// <summary>Completes when every instance of <paramref name="resource"/> is in <paramref name="state"/>.</summary>
    public Task WaitForResourceAsync(string resource, string state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resource, s => s.State == state, cancellationToken);

    /// <summary>Completes when every instance of <paramref name="resource"/> satisfies <paramref name="predicate"/>.</summary>
    public async Task<IReadOnlyList<ResourceSnapshot>> WaitForResourceAsync(string resource, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        var found = await WaitAsync(all =>
        {
            var instances = all.Where(s => s.Resource == resource).ToList();
            if (instances.Count == 0)
            {
                throw new ArgumentException($"There is no resource named '{resource}'.", nameof(resource));
            }
            return instances.All(predicate) ? instances : null;
        }, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Waits until <paramref name="probe"/> returns non-null for the current snapshots.</summary>
    public async Task<T> WaitAsync<T>(Func<IReadOnlyList<ResourceSnapshot>, T?> probe, CancellationToken cancellationToken = default)
        where T : class
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }
            if (probe(_snapshots()) is { } result)
            {
                return result;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Current snapshots of every instance.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots() => _snapshots();

    internal void NotifyChanged()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }
}
