using System.Security.Cryptography;
using Identity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// The signing keys: one current key signs, retired keys stay published until the tokens they
/// signed have expired, then are removed. Keys are generated here (RSA, RS256) and stored in the
/// database with the private part protected by Data Protection; nothing comes from the repo.
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

    /// <summary>Every key a valid token may be signed with (current and retired, not yet removed).</summary>
    public async Task<IReadOnlyList<RsaSecurityKey>> GetPublishedKeysAsync(CancellationToken ct = default) =>
        (await GetSnapshotAsync(ct)).Published;

    /// <summary>Creates a key if none signs, rotates the current one when it is older than the rotation period, removes expired retired keys.</summary>
    public async Task MaintainAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var current = await db.SigningKeys.Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
            if (current.Count == 0 || now - current[0].CreatedAt >= options.Value.SigningKeys.RotationPeriod)
            {
                await RotateLockedAsync(db, current, now, ct);
            }
            var removed = await db.SigningKeys.Where(k => k.RemoveAfter != null && k.RemoveAfter <= now).ExecuteDeleteAsync(ct);
            if (removed > 0) logger.LogInformation("Removed {Count} retired signing key(s) whose tokens have all expired", removed);
            _snapshot = null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Retires the current key now and starts signing with a new one.</summary>
    public async Task RotateAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var current = await db.SigningKeys.Where(k => k.RetiredAt == null).ToListAsync(ct);
            await RotateLockedAsync(db, current, clock.GetUtcNow(), ct);
            _snapshot = null;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task RotateLockedAsync(IdentityDb db, List<SigningKey> current, DateTimeOffset now, CancellationToken ct)
    {
        using var rsa = RSA.Create(options.Value.SigningKeys.RsaKeySize);
        var key = new SigningKey
        {
            KeyId = Base64Url.Encode(RandomNumberGenerator.GetBytes(16)),
            Algorithm = SecurityAlgorithms.RsaSha256,
            ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = now,
        };
        // A retired key stays published as long as the longest-lived token it signed can be valid.
        var keep = new[] { options.Value.AccessTokenLifetime, options.Value.IdentityTokenLifetime }.Max();
        foreach (var old in current)
        {
            old.RetiredAt = now;
            old.RemoveAfter = now + keep;
        }
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Signing key {KeyId} created; {Count} key(s) retired", key.KeyId, current.Count);
    }

    private async Task<KeySnapshot> GetSnapshotAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.ValidUntil > now) return snapshot;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var keys = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        var published = keys.Where(k => k.IsPublishedAt(now)).ToList();
        var current = published.FirstOrDefault(k => k.RetiredAt is null);
        if (current is null)
        {
            await MaintainAsync(ct);
            return await GetSnapshotAsync(ct);
        }
        var nextChange = published.Where(k => k.RemoveAfter is not null).Select(k => k.RemoveAfter!.Value)
            .Append(now + TimeSpan.FromMinutes(1)).Min();
        snapshot = new KeySnapshot(ToSecurityKey(current), published.Select(ToSecurityKey).ToList(), nextChange);
        _snapshot = snapshot;
        return snapshot;
    }

    private RsaSecurityKey ToSecurityKey(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(key.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }

    private sealed record KeySnapshot(RsaSecurityKey Current, IReadOnlyList<RsaSecurityKey> Published, DateTimeOffset ValidUntil);
}
