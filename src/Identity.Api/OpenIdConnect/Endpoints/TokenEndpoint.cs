using System.Net.Http.Headers;
using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Grants;
using Identity.Api.OpenIdConnect.Tokens;
using Microsoft.Extensions.Options;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// Token endpoint (RFC 6749 section 3.2): client_credentials, authorization_code with PKCE,
/// refresh_token with rotation and reuse detection.
/// </summary>
public sealed class TokenEndpoint(
    ClientAuthenticator authenticator, GrantStore grants, TokenFactory tokens, IResourceOwnerStore owners,
    IOptions<OidcServerOptions> options, TimeProvider clock)
{
    public static Task<IResult> Handle(HttpContext context, TokenEndpoint endpoint, CancellationToken ct) => endpoint.HandleAsync(context, ct);

    private async Task<IResult> HandleAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
            return OAuthResponses.Error(context, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
        var form = await context.Request.ReadFormAsync(ct);
        if (form.Any(p => p.Value.Count > 1))
            return OAuthResponses.Error(context, "invalid_request", "A parameter appears more than once.");

        var auth = await authenticator.AuthenticateAsync(context.Request, form, ct);
        if (auth.Client is not { } client)
        {
            if (auth.Error == "invalid_client")
            {
                if (auth.UsedBasic) context.Response.Headers.WWWAuthenticate = "Basic realm=\"identity\"";
                return OAuthResponses.Error(context, "invalid_client", auth.Description!, StatusCodes.Status401Unauthorized);
            }
            return OAuthResponses.Error(context, auth.Error!, auth.Description!);
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0) return OAuthResponses.Error(context, "invalid_request", "grant_type is missing.");
        if (grantType is not (GrantTypes.ClientCredentials or GrantTypes.AuthorizationCode or GrantTypes.RefreshToken))
            return OAuthResponses.Error(context, "unsupported_grant_type", $"The grant type '{grantType}' is not supported.");
        if (!client.Allows(grantType))
            return OAuthResponses.Error(context, "unauthorized_client", $"This client may not use the {grantType} grant.");

        return grantType switch
        {
            GrantTypes.ClientCredentials => await ClientCredentialsAsync(context, client, form, ct),
            GrantTypes.AuthorizationCode => await AuthorizationCodeAsync(context, client, form, ct),
            _ => await RefreshTokenAsync(context, client, form, ct),
        };
    }

    private async Task<IResult> ClientCredentialsAsync(HttpContext context, OAuthClient client, IFormCollection form, CancellationToken ct)
    {
        if (client.IsPublic) return OAuthResponses.Error(context, "unauthorized_client", "A public client cannot use client_credentials.");
        var requested = ParseScopes(form);
        var allowed = client.Scopes.Except(StandardScopes.All).ToList();
        if (requested.FirstOrDefault(s => !allowed.Contains(s)) is { } refused)
            return OAuthResponses.Error(context, "invalid_scope", $"The scope '{refused}' is not allowed for this client.");
        var scopes = requested.Count > 0 ? requested : allowed;
        var access = await tokens.CreateAccessTokenAsync(
            new AccessTokenRequest(client.ClientId, client.ClientId, scopes, client.Roles, client.Parties, null, []), ct);
        return TokenResponse(context, access, scopes, refreshToken: null, idToken: null);
    }

    private async Task<IResult> AuthorizationCodeAsync(HttpContext context, OAuthClient client, IFormCollection form, CancellationToken ct)
    {
        var value = form["code"].ToString();
        if (value.Length == 0) return OAuthResponses.Error(context, "invalid_request", "code is missing.");
        var redemption = await grants.RedeemAuthorizationCodeAsync(value, client.ClientId, ct);
        if (redemption.Value is not { } code) return OAuthResponses.Error(context, "invalid_grant", redemption.Error!);
        if (form["redirect_uri"].ToString() != code.RedirectUri)
            return OAuthResponses.Error(context, "invalid_grant", "redirect_uri differs from the one of the authorization request.");
        if (!Pkce.Verify(form["code_verifier"].ToString() is { Length: > 0 } v ? v : null, code.CodeChallenge))
            return OAuthResponses.Error(context, "invalid_grant", "The PKCE code_verifier does not match the code_challenge.");

        var owner = await owners.FindAsync(code.UserId, ct);
        if (owner is null || !owner.MayReceiveTokens)
            return OAuthResponses.Error(context, "invalid_grant", owner?.RefusalReason ?? "The account no longer exists.");

        var grantId = Guid.NewGuid();
        await grants.AttachGrantToCodeAsync(code.Id, grantId, ct);
        return await IssueUserTokensAsync(context, client, owner, code.Scopes, grantId, code.AuthTime, code.AuthenticationMethods,
            code.Nonce, grantExpiresAt: clock.GetUtcNow() + options.Value.RefreshTokenAbsoluteLifetime, ct);
    }

    private async Task<IResult> RefreshTokenAsync(HttpContext context, OAuthClient client, IFormCollection form, CancellationToken ct)
    {
        var value = form["refresh_token"].ToString();
        if (value.Length == 0) return OAuthResponses.Error(context, "invalid_request", "refresh_token is missing.");
        var redemption = await grants.RedeemRefreshTokenAsync(value, client.ClientId, ct);
        if (redemption.Value is not { } old) return OAuthResponses.Error(context, "invalid_grant", redemption.Error!);

        var requested = ParseScopes(form);
        if (requested.FirstOrDefault(s => !old.Scopes.Contains(s)) is { } wider)
        {
            await grants.RevokeGrantAsync(old.GrantId, ct);
            return OAuthResponses.Error(context, "invalid_scope", $"The scope '{wider}' was not granted; the refresh token is no longer valid.");
        }
        var owner = await owners.FindAsync(old.UserId, ct);
        if (owner is null || !owner.MayReceiveTokens)
        {
            await grants.RevokeGrantAsync(old.GrantId, ct);
            return OAuthResponses.Error(context, "invalid_grant", owner?.RefusalReason ?? "The account no longer exists.");
        }
        var scopes = requested.Count > 0 ? requested : old.Scopes;
        return await IssueUserTokensAsync(context, client, owner, scopes, old.GrantId, old.AuthTime, old.AuthenticationMethods,
            nonce: null, old.GrantExpiresAt, ct, refreshScopes: old.Scopes);
    }

    private async Task<IResult> IssueUserTokensAsync(
        HttpContext context, OAuthClient client, ResourceOwner owner, IReadOnlyList<string> scopes, Guid grantId,
        DateTimeOffset authTime, IReadOnlyList<string> methods, string? nonce, DateTimeOffset grantExpiresAt,
        CancellationToken ct, IReadOnlyList<string>? refreshScopes = null)
    {
        var access = await tokens.CreateAccessTokenAsync(
            new AccessTokenRequest(owner.Subject, client.ClientId, scopes, owner.Roles, owner.Parties, authTime, methods), ct);
        await grants.RecordAccessTokenAsync(access.TokenId, grantId, client.ClientId, access.ExpiresAt, ct);

        string? refresh = null;
        var grantScopes = refreshScopes ?? scopes;
        if (grantScopes.Contains(StandardScopes.OfflineAccess) && client.Allows(GrantTypes.RefreshToken))
        {
            refresh = await grants.CreateRefreshTokenAsync(new RefreshToken
            {
                GrantId = grantId,
                ClientId = client.ClientId,
                UserId = owner.Subject,
                Scopes = grantScopes.ToList(),
                AuthTime = authTime,
                AuthenticationMethods = methods.ToList(),
                GrantExpiresAt = grantExpiresAt,
            }, ct);
        }
        string? idToken = null;
        if (scopes.Contains(StandardScopes.OpenId))
        {
            idToken = await tokens.CreateIdentityTokenAsync(
                new IdentityTokenRequest(owner, client.ClientId, scopes, nonce, authTime, methods, access.Value), ct);
        }
        return TokenResponse(context, access, scopes, refresh, idToken);
    }

    private IResult TokenResponse(HttpContext context, IssuedToken access, IReadOnlyList<string> scopes, string? refreshToken, string? idToken)
    {
        var body = new Dictionary<string, object>
        {
            ["access_token"] = access.Value,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)options.Value.AccessTokenLifetime.TotalSeconds,
            ["scope"] = string.Join(' ', scopes),
        };
        if (refreshToken is not null) body["refresh_token"] = refreshToken;
        if (idToken is not null) body["id_token"] = idToken;
        return OAuthResponses.Json(context, body);
    }

    private static List<string> ParseScopes(IFormCollection form) =>
        form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
}
