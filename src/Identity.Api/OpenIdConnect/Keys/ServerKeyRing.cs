using System.Security.Cryptography;
using Identity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// The keys OpenIddict signs and encrypts with, generated here and kept in identitydb (secret parts protected
/// by Data Protection). Life of a key: scheduled (a pre-publication period before it is due: a signing key is
/// then already in the JWKS, so validators know it before the first token it signs) -> active (signs or
/// encrypts) -> retired when its successor activates (still verifies or decrypts until every token it produced
/// has expired) -> removed. <see cref="Current"/> is what OpenIddict's options are built from
/// (<see cref="ServerKeyOptionsSetup"/>); when it changes, the change tokens make the options be built again.
/// </summary>
public sealed class ServerKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<OidcServerOptions> options,
    TimeProvider clock,
    ILogger<ServerKeyRing> logger)
{
    private const string Purpose = "Identity.Api.ServerKeys.v1";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, SecurityKey> _materialized = new(StringComparer.Ordinal);
    private CancellationTokenSource _serverOptionsChanged = new();
    private CancellationTokenSource _validationOptionsChanged = new();
    private volatile ServerKeySnapshot? _snapshot;

    /// <summary>The keys in force: the active signing key first, then the other published ones; likewise for encryption.</summary>
    public ServerKeySnapshot Current => _snapshot
        ?? throw new InvalidOperationException("The server keys are not loaded yet: IdentityDatabaseInitializer loads them before the server starts.");

    /// <summary>Fires when <see cref="Current"/> changed, for OpenIddict's server options.</summary>
    public IChangeToken ServerOptionsChangeToken => new CancellationChangeToken(_serverOptionsChanged.Token);

    /// <summary>Fires right after <see cref="ServerOptionsChangeToken"/>, for the local validation options (they copy the server's keys).</summary>
    public IChangeToken ValidationOptionsChangeToken => new CancellationChangeToken(_validationOptionsChanged.Token);

    /// <summary>
    /// Scheduled maintenance: makes a key where none is active, schedules the next one a pre-publication period
    /// before the rotation is due, retires keys a newer active one replaced, removes retired keys whose tokens
    /// have all expired, and reloads <see cref="Current"/>.
    /// </summary>
    public async Task MaintainAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var o = options.Value;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var keys = await db.ServerKeys.ToListAsync(ct);
            // A signing key verifies the access and identity tokens it signed; an encryption key decrypts codes and refresh tokens.
            // One check interval more: a replica may sign with the old key until its next maintenance, and validators allow clock skew.
            Maintain(db, keys, ServerKeyUses.Signing, now, Max(o.AccessTokenLifetime, o.IdentityTokenLifetime) + o.SigningKeys.CheckInterval);
            Maintain(db, keys, ServerKeyUses.Encryption, now, Max(o.RefreshTokenAbsoluteLifetime, o.AuthorizationCodeLifetime) + o.SigningKeys.CheckInterval);
            await db.SaveChangesAsync(ct);
            var removed = await db.ServerKeys.Where(k => k.RemoveAfter != null && k.RemoveAfter <= now).ExecuteDeleteAsync(ct);
            if (removed > 0) logger.LogInformation("Removed {Count} retired server key(s) whose tokens have all expired", removed);
            Reload(await db.ServerKeys.AsNoTracking().ToListAsync(ct), now);
        }
        finally
        {
            _lock.Release();
        }
    }

    private void Maintain(IdentityDb db, List<ServerKey> all, string use, DateTimeOffset now, TimeSpan keepAfterRetirement)
    {
        var o = options.Value.SigningKeys;
        var keys = all.Where(k => k.Use == use).OrderByDescending(k => k.ActivatesAt).ToList();
        var active = keys.FirstOrDefault(k => k.ActivatesAt <= now);
        if (active is null)
        {
            active = NewKey(use, now, activatesAt: now);
            db.ServerKeys.Add(active);
            keys.Add(active);
            logger.LogInformation("Server key {KeyId} ({Use}) created; active from now", active.KeyId, use);
        }
        else if (!keys.Any(k => k.ActivatesAt > now) && now >= active.ActivatesAt + o.RotationPeriod - o.PrepublishPeriod)
        {
            var next = NewKey(use, now, activatesAt: now + o.PrepublishPeriod);
            db.ServerKeys.Add(next);
            logger.LogInformation("Server key {KeyId} ({Use}) scheduled: known now, active from {ActivatesAt:u}", next.KeyId, use, next.ActivatesAt);
        }
        var activeOnes = keys.Where(k => k.ActivatesAt <= now).OrderByDescending(k => k.ActivatesAt).ToList();
        for (var i = 1; i < activeOnes.Count; i++)
        {
            if (activeOnes[i].RetiredAt is not null) continue;
            activeOnes[i].RetiredAt = activeOnes[i - 1].ActivatesAt;
            activeOnes[i].RemoveAfter = activeOnes[i].RetiredAt + keepAfterRetirement;
        }
    }

    private void Reload(IReadOnlyList<ServerKey> stored, DateTimeOffset now)
    {
        var kept = stored.Where(k => k.IsKeptAt(now)).ToList();
        // The active key (the newest one already activated) first: OpenIddict signs and encrypts with the first credentials.
        List<ServerKey> Ordered(string use) => kept.Where(k => k.Use == use)
            .OrderBy(k => k.ActivatesAt <= now ? 0 : 1).ThenByDescending(k => k.ActivatesAt).ToList();
        var signing = Ordered(ServerKeyUses.Signing);
        var encryption = Ordered(ServerKeyUses.Encryption);
        if (signing.Count == 0 || encryption.Count == 0 || signing[0].ActivatesAt > now || encryption[0].ActivatesAt > now)
            throw new InvalidOperationException("No active server key after maintenance.");

        var fingerprint = string.Join(',', signing.Select(k => k.KeyId)) + "|" + string.Join(',', encryption.Select(k => k.KeyId));
        var nextChange = kept.Where(k => k.ActivatesAt > now).Select(k => k.ActivatesAt)
            .Concat(kept.Where(k => k.RemoveAfter is not null).Select(k => k.RemoveAfter!.Value))
            .DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var previous = _snapshot;
        _snapshot = new ServerKeySnapshot(
            signing.Select(k => new SigningCredentials(Materialize(k), SecurityAlgorithms.RsaSha256)).ToList(),
            encryption.Select(k => new EncryptingCredentials(Materialize(k), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512)).ToList(),
            nextChange,
            fingerprint);
        foreach (var gone in _materialized.Keys.Except(kept.Select(k => k.KeyId)).ToList()) _materialized.Remove(gone);
        if (previous is not null && previous.Fingerprint != fingerprint)
        {
            logger.LogInformation("Server keys changed: signing {Signing}, encryption {Encryption}", fingerprint.Split('|')[0], fingerprint.Split('|')[1]);
            Interlocked.Exchange(ref _serverOptionsChanged, new CancellationTokenSource()).Cancel();
            Interlocked.Exchange(ref _validationOptionsChanged, new CancellationTokenSource()).Cancel();
        }
    }

    private SecurityKey Materialize(ServerKey key)
    {
        if (_materialized.TryGetValue(key.KeyId, out var cached)) return cached;
        var secret = Convert.FromBase64String(_protector.Unprotect(key.ProtectedKey));
        SecurityKey material;
        if (key.Use == ServerKeyUses.Signing)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(secret, out _);
            material = new RsaSecurityKey(rsa) { KeyId = key.KeyId };
        }
        else
        {
            material = new SymmetricSecurityKey(secret) { KeyId = key.KeyId };
        }
        _materialized[key.KeyId] = material;
        return material;
    }

    private ServerKey NewKey(string use, DateTimeOffset now, DateTimeOffset activatesAt)
    {
        byte[] secret;
        if (use == ServerKeyUses.Signing)
        {
            using var rsa = RSA.Create(options.Value.SigningKeys.RsaKeySize);
            secret = rsa.ExportPkcs8PrivateKey();
        }
        else
        {
            secret = RandomNumberGenerator.GetBytes(32);
        }
        return new ServerKey
        {
            KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            Use = use,
            ProtectedKey = _protector.Protect(Convert.ToBase64String(secret)),
            CreatedAt = now,
            ActivatesAt = activatesAt,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <param name="Signing">RS256 credentials, the active key first; all of them are published in the JWKS.</param>
/// <param name="Encryption">A256KW credentials, the active key first.</param>
/// <param name="NextChange">When a scheduled key activates or a retired one leaves: maintenance must run then.</param>
public sealed record ServerKeySnapshot(
    IReadOnlyList<SigningCredentials> Signing,
    IReadOnlyList<EncryptingCredentials> Encryption,
    DateTimeOffset NextChange,
    string Fingerprint);
