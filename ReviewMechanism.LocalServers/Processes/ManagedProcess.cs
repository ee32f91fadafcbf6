using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReviewMechanism.LocalServers.Processes;

/// <summary>
/// A child process whose output lines go to a sink, and which stops gracefully: a signal first,
/// SIGKILL after a grace period.
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private const int RecentLines = 40;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends, whoever ended it.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The last lines the process wrote (standard error marked "!"), for an error message; complete once it exited.</summary>
    public string RecentOutput => string.Join('\n', _recent);

    public static ManagedProcess Start(ProcessSpec spec, Action<string, bool> output)
    {
        var newSession = spec.NewSession && File.Exists(SetSid);
        var info = new ProcessStartInfo(newSession ? SetSid : spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        if (newSession)
        {
            info.ArgumentList.Add(spec.FileName);
        }
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { managed.Remember(e.Data, false); output(e.Data, false); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { managed.Remember(e.Data, true); output(e.Data, true); } };
        process.Exited += (_, _) => managed.OnExited();
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {spec.FileName}.");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }
        Signals.Send(_process.Id, signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false) != Exited)
        {
            Kill();
            await Exited.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a signal to the process itself (not its children); false when it is gone.</summary>
    public bool Signal(int signal) => !HasExited && Signals.Send(_process.Id, signal);

    /// <summary>SIGKILL to the process and its descendants, as a crash would (used by tests and by a last-resort stop).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    private void Remember(string line, bool error)
    {
        _recent.Enqueue(error ? "! " + line : "  " + line);
        while (_recent.Count > RecentLines && _recent.TryDequeue(out _))
        {
        }
    }

    private void OnExited()
    {
        // Exited fires before the output pipes are drained; wait so the last lines are not lost.
        _process.WaitForExit();
        _exited.TrySetResult(_process.ExitCode);
    }
}
