using System.Collections.Concurrent;

namespace Gateway.Revocation;

/// <summary>
/// What the gateway knows is revoked, held in memory so the check costs two dictionary lookups per call:
/// token ids (<c>jti</c>) until the token would have expired, and subjects (<c>sub</c>) with the instant
/// (unix seconds) before which their tokens were issued in vain (<c>iat &lt;= revokedAt</c> is refused).
/// Filled by <see cref="RevocationListener"/> from Redis; entries leave when their Redis key would have.
/// </summary>
public sealed class RevocationList(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Subject> _subjects = new(StringComparer.Ordinal);

    public int Count => _tokens.Count + _subjects.Count;

    /// <summary>Set when <see cref="RevocationListener"/> runs (<c>Gateway:Revocation:Enabled</c>); until then nothing is checked.</summary>
    public bool Enabled { get; internal set; }

    /// <summary>True when the token's id is revoked, or its subject was disabled at or after the token was issued.</summary>
    public bool IsRevoked(string? jti, string? sub, long? issuedAt)
    {
        if (!Enabled)
        {
            return false;
        }
        if (jti is not null && _tokens.TryGetValue(jti, out var until) && until > time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return true;
        }
        return sub is not null && _subjects.TryGetValue(sub, out var subject)
            && subject.Until > time.GetUtcNow().ToUnixTimeMilliseconds()
            && (issuedAt is null || issuedAt.Value <= subject.RevokedAt);
    }

    public void RevokeToken(string jti, long untilUnixMs) =>
        _tokens.AddOrUpdate(jti, untilUnixMs, (_, existing) => Math.Max(existing, untilUnixMs));

    public void RevokeSubject(string sub, long revokedAtUnixSeconds, long untilUnixMs) =>
        _subjects.AddOrUpdate(sub, new Subject(revokedAtUnixSeconds, untilUnixMs),
            (_, existing) => new Subject(Math.Max(existing.RevokedAt, revokedAtUnixSeconds), Math.Max(existing.Until, untilUnixMs)));

    /// <summary>Drops entries whose keys have expired in Redis.</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (jti, until) in _tokens)
        {
            if (until <= now)
            {
                _tokens.TryRemove(new KeyValuePair<string, long>(jti, until));
            }
        }
        foreach (var (sub, subject) in _subjects)
        {
            if (subject.Until <= now)
            {
                _subjects.TryRemove(new KeyValuePair<string, Subject>(sub, subject));
            }
        }
    }

    private readonly record struct Subject(long RevokedAt, long Until);
}
