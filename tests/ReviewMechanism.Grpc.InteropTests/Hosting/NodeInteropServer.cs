using System.Diagnostics;
using System.Text;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests.Hosting;

/// <summary>
/// The grpc-js interop server (tests/interop-node/server.js) on a random port: the reference server
/// the drivers are proven against and the server this library's client is tested against.
/// </summary>
public sealed class NodeInteropServer : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public int Port { get; private set; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Toolchain.EnsureNodePackages();
        var start = new ProcessStartInfo(Toolchain.Node)
        {
            WorkingDirectory = RepoPaths.InteropNode,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.js");
        start.ArgumentList.Add("--host=127.0.0.1");
        start.ArgumentList.Add("--port=0");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The grpc-js interop server exited during start-up:\n" + Log));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource<int> listening)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
        if (line.StartsWith("LISTENING ", StringComparison.Ordinal) && int.TryParse(line.AsSpan("LISTENING ".Length), out var port))
        {
            listening.TrySetResult(port);
        }
    }
}
