using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>
/// Registers the clients named in configuration (<c>Identity:Clients</c>) as OpenIddict applications at every
/// start. A confidential client's secret comes from configuration (the environment) when given; otherwise one is
/// generated when the client is first registered and returned once (written to the data folder, or printed by
/// the bootstrap command). OpenIddict keeps only a PBKDF2 hash. Everything else is brought up to date.
/// </summary>
public sealed class ClientRegistrar(IServiceScopeFactory scopes, IOptions<OidcServerOptions> options, ILogger<ClientRegistrar> logger)
{
    public const int MinimumSecretLength = 32;

    public async Task<IReadOnlyList<GeneratedSecret>> RegisterAsync(CancellationToken ct)
    {
        var generated = new List<GeneratedSecret>();
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var configured in options.Value.Clients)
        {
            Validate(configured);
            var application = await applications.FindByClientIdAsync(configured.ClientId, ct);
            var descriptor = new OpenIddictApplicationDescriptor();
            if (application is not null) await applications.PopulateAsync(descriptor, application, ct);
            Describe(descriptor, configured);

            var isPublic = configured.Type == ClientTypes.Public;
            if (isPublic)
            {
                descriptor.ClientSecret = null;
            }
            else if (!string.IsNullOrEmpty(configured.Secret))
            {
                if (application is null || !await applications.ValidateClientSecretAsync(application, configured.Secret, ct))
                    descriptor.ClientSecret = configured.Secret;
            }
            else if (application is null || string.IsNullOrEmpty(descriptor.ClientSecret))
            {
                descriptor.ClientSecret = GenerateSecret();
                generated.Add(new GeneratedSecret(configured.ClientId, descriptor.ClientSecret));
            }

            if (application is null)
            {
                await applications.CreateAsync(descriptor, ct);
                logger.LogInformation("Client {ClientId} ({Type}) registered", configured.ClientId, configured.Type);
            }
            else
            {
                await applications.UpdateAsync(application, descriptor, ct);
            }
        }
        return generated;
    }

    /// <summary>Replaces a confidential client's secret with a new generated one, returned once.</summary>
    public async Task<GeneratedSecret> RotateSecretAsync(string clientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId, ct)
            ?? throw new InvalidOperationException($"There is no client '{clientId}'.");
        if (await applications.HasClientTypeAsync(application, ClientTypes.Public, ct))
            throw new InvalidOperationException($"Client '{clientId}' is public and has no secret.");
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.ClientSecret = GenerateSecret();
        await applications.UpdateAsync(application, descriptor, ct);
        return new GeneratedSecret(clientId, descriptor.ClientSecret);
    }

    private static void Describe(OpenIddictApplicationDescriptor descriptor, ClientOptions c)
    {
        descriptor.ClientId = c.ClientId;
        descriptor.DisplayName = c.DisplayName ?? c.ClientId;
        descriptor.ClientType = c.Type;
        // First-party clients (the mechanism's own web front end) need no consent page; others may not sign people in yet.
        descriptor.ConsentType = c.FirstParty ? ConsentTypes.Implicit : ConsentTypes.Explicit;
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(c.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.UnionWith(c.PostLogoutRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.Requirements.Clear();
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation]);
        if (c.Type == ClientTypes.Confidential) descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        if (c.GrantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            ]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        if (c.GrantTypes.Contains(GrantTypes.ClientCredentials)) descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        if (c.GrantTypes.Contains(GrantTypes.RefreshToken)) descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        // offline_access is granted with the refresh_token grant; openid is listed so the authorization endpoint can check it.
        descriptor.Permissions.UnionWith(c.Scopes.Where(s => s != Scopes.OfflineAccess).Select(s => Permissions.Prefixes.Scope + s));
        ClientProperties.Write(descriptor, c.Roles, c.Parties);
    }

    private void Validate(ClientOptions c)
    {
        var known = new[] { Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess }.Concat(options.Value.ApiScopes).ToHashSet();
        string? problem =
            string.IsNullOrWhiteSpace(c.ClientId) ? "a client has no ClientId"
            : c.Type is not (ClientTypes.Public or ClientTypes.Confidential) ? $"client {c.ClientId}: Type must be 'public' or 'confidential'"
            : c.GrantTypes.Except([GrantTypes.AuthorizationCode, GrantTypes.ClientCredentials, GrantTypes.RefreshToken]).FirstOrDefault() is { } g ? $"client {c.ClientId}: unknown grant type '{g}'"
            : c.Type == ClientTypes.Public && c.GrantTypes.Contains(GrantTypes.ClientCredentials) ? $"client {c.ClientId}: a public client cannot use client_credentials"
            : c.GrantTypes.Contains(GrantTypes.AuthorizationCode) && c.RedirectUris.Count == 0 ? $"client {c.ClientId}: authorization_code needs RedirectUris"
            : c.RedirectUris.Concat(c.PostLogoutRedirectUris).FirstOrDefault(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0) is { } bad ? $"client {c.ClientId}: redirect URI '{bad}' must be absolute, without fragment"
            : c.Scopes.FirstOrDefault(s => !known.Contains(s)) is { } scope ? $"client {c.ClientId}: unknown scope '{scope}' (add it to Identity:ApiScopes)"
            : !string.IsNullOrEmpty(c.Secret) && c.Secret.Length < MinimumSecretLength ? $"client {c.ClientId}: the configured secret must have at least {MinimumSecretLength} characters"
            : null;
        if (problem is not null) throw new InvalidOperationException($"Invalid Identity:Clients configuration: {problem}.");
    }

    /// <summary>256 random bits, base64url (43 characters).</summary>
    private static string GenerateSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}

public sealed record GeneratedSecret(string ClientId, string Secret);
