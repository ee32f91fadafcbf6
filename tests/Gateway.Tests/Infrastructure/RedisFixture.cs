using ReviewMechanism.LocalServers;

namespace Gateway.Tests.Infrastructure;

/// <summary>A real redis-server for the rate limit tests (ReviewMechanism.LocalServers' RedisServer), data under /tmp/gateway-redis-*.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gateway-redis-{Guid.NewGuid():N}");

    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync(new ServerOptions(_folder));

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
