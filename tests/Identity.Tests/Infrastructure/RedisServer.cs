using ReviewMechanism.LocalServers;
using StackExchange.Redis;
using LocalRedis = ReviewMechanism.LocalServers.RedisServer;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// A real redis-server for one test class (Debian's package, run by ReviewMechanism.LocalServers as the AppHost runs
/// it) on a free loopback port with a generated password, data under /tmp/identity-redis-*.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"identity-redis-{Guid.NewGuid():N}");
    private LocalRedis? _server;

    /// <summary>StackExchange.Redis's form (host:port,password=...), as the AppHost gives <c>ConnectionStrings__redis</c>.</summary>
    public string ConnectionString => (_server ?? throw new InvalidOperationException("redis-server is not started.")).ConnectionString;

    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(ConnectionString);

    public async Task InitializeAsync() => _server = await LocalRedis.StartAsync(new ServerOptions(_folder));

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
