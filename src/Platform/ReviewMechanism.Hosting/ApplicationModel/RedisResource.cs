using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>A Redis server; its connection string is StackExchange.Redis configuration.</summary>
public sealed class RedisResource(string name) : LocalServerResource(name)
{
    public RedisServer? RedisServer => Server as RedisServer;

    /// <summary><c>127.0.0.1:port,password=...</c>.</summary>
    public override string? ConnectionString => RedisServer?.ConnectionString;

    protected override async Task<ILocalServer> PrepareServerAsync(ServerOptions options, CancellationToken cancellationToken) =>
        await RedisServer.PrepareAsync(options, cancellationToken).ConfigureAwait(false);
}
