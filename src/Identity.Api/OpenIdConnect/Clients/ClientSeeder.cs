using Identity.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>
/// Registers the clients named in configuration (<c>Identity:Clients</c>). A confidential client's
/// secret comes from configuration (the environment) when given; otherwise one is generated once,
/// when the client is created, and returned so that the bootstrap command can print it. Only the
/// hash is stored. Settings other than the secret are brought up to date at every start.
/// </summary>
public sealed class ClientSeeder(IServiceScopeFactory scopes, IOptions<OidcServerOptions> options, TimeProvider clock, ILogger<ClientSeeder> logger)
{
    public async Task<IReadOnlyList<GeneratedSecret>> SeedAsync(CancellationToken ct)
    {
        var generated = new List<GeneratedSecret>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        foreach (var configured in options.Value.Clients)
        {
            Validate(configured);
            var client = await db.Clients.SingleOrDefaultAsync(c => c.ClientId == configured.ClientId, ct);
            var created = client is null;
            client ??= db.Clients.Add(new OAuthClient { ClientId = configured.ClientId, CreatedAt = clock.GetUtcNow() }).Entity;
            client.DisplayName = configured.DisplayName ?? configured.ClientId;
            client.Type = configured.Type;
            client.FirstParty = configured.FirstParty;
            client.RedirectUris = configured.RedirectUris;
            client.PostLogoutRedirectUris = configured.PostLogoutRedirectUris;
            client.GrantTypes = configured.GrantTypes;
            client.Scopes = configured.Scopes;
            client.Roles = configured.Roles;
            client.Parties = configured.Parties;
            if (client.IsPublic)
            {
                client.SecretHash = null;
            }
            else if (!string.IsNullOrEmpty(configured.Secret))
            {
                if (!ClientSecretHasher.Verify(configured.Secret, client.SecretHash))
                {
                    client.SecretHash = ClientSecretHasher.Hash(configured.Secret);
                    client.SecretCreatedAt = clock.GetUtcNow();
                }
            }
            else if (client.SecretHash is null)
            {
                var secret = ClientSecretHasher.GenerateSecret();
                client.SecretHash = ClientSecretHasher.Hash(secret);
                client.SecretCreatedAt = clock.GetUtcNow();
                generated.Add(new GeneratedSecret(client.ClientId, secret));
            }
            if (created) logger.LogInformation("Client {ClientId} ({Type}) registered", client.ClientId, client.Type);
        }
        await db.SaveChangesAsync(ct);
        return generated;
    }

    /// <summary>Replaces a confidential client's secret with a new generated one, returned once.</summary>
    public async Task<GeneratedSecret> RotateSecretAsync(string clientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var client = await db.Clients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct)
            ?? throw new InvalidOperationException($"There is no client '{clientId}'.");
        if (client.IsPublic) throw new InvalidOperationException($"Client '{clientId}' is public and has no secret.");
        var secret = ClientSecretHasher.GenerateSecret();
        client.SecretHash = ClientSecretHasher.Hash(secret);
        client.SecretCreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new GeneratedSecret(clientId, secret);
    }

    private void Validate(ClientOptions c)
    {
        var known = StandardScopes.All.Concat(options.Value.ApiScopes).ToHashSet();
        string? problem =
            string.IsNullOrWhiteSpace(c.ClientId) ? "a client has no ClientId"
            : c.Type is not (ClientTypes.Public or ClientTypes.Confidential) ? $"client {c.ClientId}: Type must be 'public' or 'confidential'"
            : c.GrantTypes.Except([GrantTypes.AuthorizationCode, GrantTypes.ClientCredentials, GrantTypes.RefreshToken]).FirstOrDefault() is { } g ? $"client {c.ClientId}: unknown grant type '{g}'"
            : c.Type == ClientTypes.Public && c.GrantTypes.Contains(GrantTypes.ClientCredentials) ? $"client {c.ClientId}: a public client cannot use client_credentials"
            : c.GrantTypes.Contains(GrantTypes.AuthorizationCode) && c.RedirectUris.Count == 0 ? $"client {c.ClientId}: authorization_code needs RedirectUris"
            : c.RedirectUris.FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0) is { } bad ? $"client {c.ClientId}: redirect URI '{bad}' must be absolute, without fragment"
            : c.Scopes.FirstOrDefault(s => !known.Contains(s)) is { } scope ? $"client {c.ClientId}: unknown scope '{scope}' (add it to Identity:ApiScopes)"
            : !string.IsNullOrEmpty(c.Secret) && c.Secret.Length < ClientSecretHasher.MinimumSecretLength ? $"client {c.ClientId}: the configured secret must have at least {ClientSecretHasher.MinimumSecretLength} characters"
            : null;
        if (problem is not null) throw new InvalidOperationException($"Invalid Identity:Clients configuration: {problem}.");
    }
}

public sealed record GeneratedSecret(string ClientId, string Secret);
