using System.Collections.Immutable;
using Identity.Api.OpenIdConnect.Clients;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// The token endpoint's decision, after OpenIddict has authenticated the client and checked the grant
/// (the code with its PKCE verifier and redirect URI, or the refresh token, rotated and checked for reuse):
/// the claims of the new tokens. A person's account is checked again at every code and refresh, and the claims
/// are read again (roles and parties change with nominations); a sign-in lasts at most
/// <c>Identity:RefreshTokenAbsoluteLifetime</c>.
/// </summary>
public static class TokenPassthrough
{
    public const string Path = "/connect/token";

    public static async Task<IResult> HandleAsync(
        HttpContext http, IOpenIddictApplicationManager applications, IResourceOwnerStore owners, IOptions<OidcServerOptions> options, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OAuth token request.");
        var o = options.Value;
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
                ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
            if (request.HasScope(Scopes.OpenId))
                return PassthroughResults.Refuse(Errors.InvalidScope, "The scope 'openid' is for people signing in, not for client_credentials.");
            var scopes = request.GetScopes();
            if (scopes.IsEmpty)
            {
                // No scope asked for: every API scope the client may use.
                scopes = (await applications.GetPermissionsAsync(application, http.RequestAborted))
                    .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.Scope.Length..])
                    .Where(s => s is not (Scopes.OpenId or Scopes.Profile or Scopes.Email))
                    .ToImmutableArray();
            }
            var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
            return PassthroughResults.SignIn(TokenPrincipals.ForClient(request.ClientId!, scopes,
                ClientProperties.ReadRoles(properties), ClientProperties.ReadParties(properties), o.Audience));
        }

        // authorization_code or refresh_token: the principal of the code or refresh token OpenIddict validated.
        var grant = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (grant?.GetClaim(Claims.Subject) is not { Length: > 0 } subject)
            return PassthroughResults.Refuse(Errors.InvalidGrant, "The authorization code or refresh token is no longer valid.");
        var owner = await owners.FindAsync(subject, http.RequestAborted);
        if (owner is null || !owner.MayReceiveTokens)
            return PassthroughResults.Refuse(Errors.InvalidGrant, owner?.RefusalReason ?? "The account no longer exists.");
        var authTime = TokenPrincipals.AuthenticationTime(grant) ?? clock.GetUtcNow();
        var remaining = authTime + o.RefreshTokenAbsoluteLifetime - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
            return PassthroughResults.Refuse(Errors.InvalidGrant, "This sign-in has lasted as long as it may; please sign in again.");

        var identity = TokenPrincipals.ForPerson(owner, grant.GetScopes(), grant.GetClaims(Claims.AuthenticationMethodReference), authTime, o.Audience);
        identity.SetRefreshTokenLifetime(remaining < o.RefreshTokenLifetime ? remaining : o.RefreshTokenLifetime);
        return PassthroughResults.SignIn(identity);
    }
}
