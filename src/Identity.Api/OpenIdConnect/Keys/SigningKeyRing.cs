using System.Security.Cryptography;
using Identity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// The signing keys (RSA, RS256), generated here and stored in the database with the private part
/// protected by Data Protection; nothing comes from the repo. Life of a key:
/// scheduled (published, not signing yet: validators learn it in time) -> active (signs) ->
/// retired when the next key activates (still published until the tokens it signed have expired) -> removed.
/// </summary>
public sealed class SigningKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<OidcServerOptions> options,
    TimeProvider clock,
    ILogger<SigningKeyRing> logger)
{
    private const string Purpose = "Identity.Api.SigningKeys.v1";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile KeySnapshot? _snapshot;

    /// <summary>The key that signs new tokens.</summary>
    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken ct = default)
    {
        var snapshot = await GetSnapshotAsync(ct);
        return new SigningCredentials(snapshot.Current, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Every key in the JWKS: scheduled, active, and retired ones whose tokens may still be valid.</summary>
    public async Task<IReadOnlyList<RsaSecurityKey>> GetPublishedKeysAsync(CancellationToken ct = default) =>
        (await GetSnapshotAsync(ct)).Published;

    /// <summary>
    /// Scheduled maintenance: makes a key if none signs, schedules the next key a pre-publication
    /// period before the rotation is due, retires keys replaced by a newer active one, and removes
    /// retired keys once every token they signed has expired.
    /// </summary>
    public async Task MaintainAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var o = options.Value.SigningKeys;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var keys = await db.SigningKeys.OrderByDescending(k => k.ActivatesAt).ToListAsync(ct);
            var active = keys.FirstOrDefault(k => k.ActivatesAt <= now);
            if (active is null)
            {
                db.SigningKeys.Add(NewKey(now, activatesAt: now));
            }
            else if (!keys.Any(k => k.ActivatesAt > now) && now >= active.ActivatesAt + o.RotationPeriod - o.PrepublishPeriod)
            {
                var next = NewKey(now, activatesAt: now + o.PrepublishPeriod);
                db.SigningKeys.Add(next);
                logger.LogInformation("Signing key {KeyId} scheduled: published now, signs from {ActivatesAt:u}", next.KeyId, next.ActivatesAt);
            }
            RetireReplaced(keys, now);
            await db.SaveChangesAsync(ct);
            var removed = await db.SigningKeys.Where(k => k.RemoveAfter != null && k.RemoveAfter <= now).ExecuteDeleteAsync(ct);
            if (removed > 0) logger.LogInformation("Removed {Count} retired signing key(s) whose tokens have all expired", removed);
            _snapshot = null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Unscheduled rotation (e.g. a suspected leak): a new key signs from now on, the others are retired.</summary>
    public async Task RotateAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var keys = await db.SigningKeys.ToListAsync(ct);
            db.SigningKeys.RemoveRange(keys.Where(k => k.ActivatesAt > now)); // a scheduled key would replace the new one
            var key = NewKey(now, activatesAt: now);
            db.SigningKeys.Add(key);
            RetireReplaced([key, .. keys.Where(k => k.ActivatesAt <= now).OrderByDescending(k => k.ActivatesAt)], now);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Signing key rotated out of schedule; {KeyId} signs from now on", key.KeyId);
            _snapshot = null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Keys ordered newest activation first: every active key older than the newest one is retired when its successor activated.</summary>
    private void RetireReplaced(IReadOnlyList<SigningKey> newestFirst, DateTimeOffset now)
    {
        var keep = new[] { options.Value.AccessTokenLifetime, options.Value.IdentityTokenLifetime }.Max();
        var activeOnes = newestFirst.Where(k => k.ActivatesAt <= now).ToList();
        for (var i = 1; i < activeOnes.Count; i++)
        {
            var key = activeOnes[i];
            if (key.RetiredAt is not null) continue;
            key.RetiredAt = activeOnes[i - 1].ActivatesAt;
            key.RemoveAfter = key.RetiredAt + keep;
        }
    }

    private SigningKey NewKey(DateTimeOffset now, DateTimeOffset activatesAt)
    {
        using var rsa = RSA.Create(options.Value.SigningKeys.RsaKeySize);
        return new SigningKey
        {
            KeyId = Base64Url.Encode(RandomNumberGenerator.GetBytes(16)),
            Algorithm = SecurityAlgorithms.RsaSha256,
            ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = now,
            ActivatesAt = activatesAt,
        };
    }

    private async Task<KeySnapshot> GetSnapshotAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.ValidFrom <= now && now < snapshot.ValidUntil) return snapshot;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var keys = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.ActivatesAt).ToListAsync(ct);
        var published = keys.Where(k => k.IsPublishedAt(now)).ToList();
        var current = published.FirstOrDefault(k => k.ActivatesAt <= now);
        if (current is null)
        {
            await MaintainAsync(ct);
            return await GetSnapshotAsync(ct);
        }
        // Re-read at the next change (a scheduled key activating, a retired key leaving), or within a minute (other replicas).
        var nextChange = keys.Where(k => k.ActivatesAt > now).Select(k => k.ActivatesAt)
            .Concat(published.Where(k => k.RemoveAfter is not null).Select(k => k.RemoveAfter!.Value))
            .Append(now + TimeSpan.FromMinutes(1)).Min();
        snapshot = new KeySnapshot(ToSecurityKey(current), published.Select(ToSecurityKey).ToList(), now, nextChange);
        _snapshot = snapshot;
        return snapshot;
    }

    private RsaSecurityKey ToSecurityKey(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(key.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    private sealed record KeySnapshot(RsaSecurityKey Current, IReadOnlyList<RsaSecurityKey> Published, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);
}
