using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Identity.Tests.Infrastructure;

/// <summary>A real redis-server (Debian's) on a random loopback port, without persistence, for one test class.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"identity-redis-{Guid.NewGuid():N}");

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(ConnectionString);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var a in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder })
            start.ArgumentList.Add(a);
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",abortConnect=false,connectTimeout=200");
                if (probe.IsConnected && (await probe.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5)) return;
            }
            catch (RedisConnectionException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"redis-server did not answer on port {Port}.");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
