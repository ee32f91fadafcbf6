using System.Globalization;
using Gateway.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Revocation;

/// <summary>
/// Keeps <see cref="RevocationList"/> in step with the keys identity writes (CONTRACTS.md): subscribed to
/// the <c>revocations</c> channel, it reads each key published there as soon as it arrives (the list learns
/// of a revocation within a Redis round trip of the PUBLISH), and it reads every <c>revoked:*</c> key on
/// start, after every reconnection (messages published while the subscription was down are lost by Redis)
/// and every <see cref="RevocationOptions.ReloadInterval"/>. While Redis is unreachable the gateway keeps
/// refusing what it already knows and logs a warning; it cannot learn of new revocations until Redis is back.
/// </summary>
public sealed partial class RevocationListener(
    GatewayRedis redis,
    RevocationList list,
    IOptions<RevocationOptions> options,
    TimeProvider time,
    ILogger<RevocationListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _reloadNow = new(0, 1);

    /// <summary>Starts listening and waits (at most <see cref="RevocationOptions.StartTimeout"/>) for the first load.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        if (!redis.IsConfigured)
        {
            throw new InvalidOperationException("Token revocation needs ConnectionStrings:redis (or Gateway:Revocation:Enabled=false, which lets revoked tokens through until they expire).");
        }
        list.Enabled = true;
        await base.StartAsync(cancellationToken);
        try
        {
            await _firstLoad.Task.WaitAsync(options.Value.StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogNotLoaded(logger, options.Value.StartTimeout);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var connection = await redis.ConnectionAsync();
        connection.ConnectionRestored += (_, _) => RequestReload();
        var channel = RedisChannel.Literal(settings.Channel);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Subscribed first, so a key set during the load is seen by one or the other.
                await connection.GetSubscriber().SubscribeAsync(channel, (_, key) => Forget(ApplyAsync(connection, key)));
                break;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogUnreachable(logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var loaded = await LoadAllAsync(connection);
                _firstLoad.TrySetResult();
                LogLoaded(logger, loaded, list.Count);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
            {
                LogUnreachable(logger, ex.Message);
            }
            list.Sweep();
            try
            {
                await _reloadNow.WaitAsync(settings.ReloadInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void Forget(Task task) => task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    private void RequestReload()
    {
        try
        {
            _reloadNow.Release();
        }
        catch (SemaphoreFullException)
        {
            // A reload is already due.
        }
    }

    private async Task<int> LoadAllAsync(ConnectionMultiplexer connection)
    {
        var prefix = options.Value.KeyPrefix;
        var server = connection.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica)
            ?? throw new InvalidOperationException("No connected Redis primary.");
        var database = connection.GetDatabase();
        var pending = new List<Task>();
        await foreach (var key in server.KeysAsync(database.Database, prefix + "*", pageSize: 1000))
        {
            pending.Add(ApplyAsync(database, key.ToString()));
        }
        await Task.WhenAll(pending);
        return pending.Count;
    }

    private Task ApplyAsync(ConnectionMultiplexer connection, RedisValue key) => ApplyAsync(connection.GetDatabase(), key.ToString());

    /// <summary>Reads one key (its value and time to live) into the list.</summary>
    private async Task ApplyAsync(IDatabase database, string key)
    {
        var prefix = options.Value.KeyPrefix;
        try
        {
            var isToken = key.StartsWith(prefix + "jti:", StringComparison.Ordinal);
            var isSubject = key.StartsWith(prefix + "sub:", StringComparison.Ordinal);
            if (!isToken && !isSubject)
            {
                return;
            }
            var entry = await database.StringGetWithExpiryAsync(key);
            if (entry.Value.IsNull)
            {
                return;   // expired or deleted since
            }
            var until = (time.GetUtcNow() + (entry.Expiry ?? TimeSpan.FromDays(1))).ToUnixTimeMilliseconds();
            var id = key[(prefix.Length + 4)..];
            if (isToken)
            {
                list.RevokeToken(id, until);
            }
            else if (long.TryParse(entry.Value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revokedAt))
            {
                list.RevokeSubject(id, revokedAt, until);
            }
            else
            {
                LogBadValue(logger, key);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnreachable(logger, ex.Message);
            RequestReload();
        }
    }

    public override void Dispose()
    {
        _reloadNow.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The revocation list could not be read from Redis ({Reason}); revocations already known are enforced, new ones are not learned until Redis answers.")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The revocation list was not loaded within {Timeout}; the gateway serves and keeps trying.")]
    private static partial void LogNotLoaded(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Revocation list loaded: {Keys} keys read, {Entries} entries held.")]
    private static partial void LogLoaded(ILogger logger, int keys, int entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocation key {Key} does not hold unix seconds; ignored.")]
    private static partial void LogBadValue(ILogger logger, string key);
}
