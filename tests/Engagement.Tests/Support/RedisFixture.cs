using ReviewMechanism.LocalServers;

namespace Engagement.Tests.Support;

/// <summary>A real Redis server (Debian's package) for the pages' rate limits.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"engagement-redis-{Guid.NewGuid():N}");
    private RedisServer? _server;

    public string ConnectionString => (_server ?? throw new InvalidOperationException("Redis is not started.")).ConnectionString;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync(new ServerOptions(_folder));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Still held by the stopping server: under /tmp and harmless.
        }
    }
}
