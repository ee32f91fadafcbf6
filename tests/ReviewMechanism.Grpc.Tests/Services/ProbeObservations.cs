using System.Collections.Concurrent;

namespace ReviewMechanism.Grpc.Tests.Services;

/// <summary>What handlers saw, reported back to the test that called them (keyed by a probe name).</summary>
public sealed class ProbeObservations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _observations = new();

    public void Record(string probe, string observation) => Get(probe).TrySetResult(observation);

    public async Task<string> WaitForAsync(string probe, TimeSpan timeout) => await Get(probe).Task.WaitAsync(timeout);

    public bool TryGet(string probe, out string? observation)
    {
        observation = null;
        if (_observations.TryGetValue(probe, out var source) && source.Task.IsCompleted)
        {
            observation = source.Task.Result;
            return true;
        }
        return false;
    }

    private TaskCompletionSource<string> Get(string probe) =>
        _observations.GetOrAdd(probe, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
