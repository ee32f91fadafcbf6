using System.Threading.Channels;
using StackExchange.Redis;

namespace Identity.Tests.Infrastructure;

/// <summary>Listens on the Redis channel <c>revocations</c> the way the gateway does, and reads the keys announced there.</summary>
public sealed class RevocationWatcher : IDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly Channel<string> _keys = Channel.CreateUnbounded<string>();

    private RevocationWatcher(ConnectionMultiplexer redis)
    {
        _redis = redis;
        _redis.GetSubscriber().Subscribe(new RedisChannel("revocations", RedisChannel.PatternMode.Literal), (_, key) => _keys.Writer.TryWrite(key.ToString()));
    }

    public IDatabase Database => _redis.GetDatabase();

    public static RevocationWatcher Start(RedisServer server) => new(server.Connect());

    /// <summary>The next announced key; fails when none comes within <paramref name="seconds"/>.</summary>
    public async Task<string> NextAsync(int seconds = 5)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _keys.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No revocation was published within {seconds} s.");
        }
    }

    /// <summary>True when nothing more is announced within <paramref name="milliseconds"/>.</summary>
    public async Task<bool> QuietAsync(int milliseconds = 500)
    {
        await Task.Delay(milliseconds);
        return !_keys.Reader.TryPeek(out _);
    }

    /// <summary>When the key expires, in Unix milliseconds (PEXPIRETIME; -1 without expiry, -2 without key).</summary>
    public async Task<long> ExpiresAtAsync(string key) =>
        (long)await Database.ScriptEvaluateAsync("return redis.call('PEXPIRETIME', KEYS[1])", [key]);

    public void Dispose() => _redis.Dispose();
}
