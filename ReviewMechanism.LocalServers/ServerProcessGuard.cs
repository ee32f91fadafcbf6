using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>Small shared checks for <see cref="ILocalServer"/> implementations.</summary>
internal static class ServerProcessGuard
{
    public static void EnsureNotRunning(ManagedProcess? process, string server)
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException($"{server} is already running (pid {process.Id}).");
        }
    }

    public static async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> ready, ManagedProcess process, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            while (!await ready(timer.Token).ConfigureAwait(false))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{what} exited with code {process.Exited.Result} while starting. Its last lines:\n{process.RecentOutput}");
                }
                await Task.Delay(50, timer.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
            throw new TimeoutException($"{what} was not ready within {timeout.TotalSeconds:0} s.");
        }
    }
}
