using StackExchange.Redis;

namespace Gateway.Redis;

/// <summary>
/// The gateway's one Redis connection (<c>ConnectionStrings:redis</c>), shared by the rate limits and the
/// revocation list. It is opened on first use and never blocks start-up: when Redis is down the multiplexer
/// keeps reconnecting in the background, and each user decides what an unanswered call means.
/// </summary>
public sealed class GatewayRedis : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public GatewayRedis(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("redis");
        IsConfigured = !string.IsNullOrWhiteSpace(connectionString);
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(connectionString
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not set.")));
    }

    public bool IsConfigured { get; }

    public Task<ConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    private static async Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var config = ConfigurationOptions.Parse(connectionString);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 1000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 1000);
        config.ClientName ??= "gateway";
        return await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
