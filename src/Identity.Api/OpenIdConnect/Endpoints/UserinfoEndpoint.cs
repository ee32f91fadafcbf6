using System.Net.Http.Headers;
using Identity.Api.OpenIdConnect.Tokens;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>OIDC Core 5.3 UserInfo: needs a valid, unrevoked access token with the openid scope.</summary>
public static class UserinfoEndpoint
{
    public static async Task<IResult> Handle(
        HttpContext context, AccessTokenValidator validator, GrantStore grants, IResourceOwnerStore owners, CancellationToken ct)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"identity\"";
            return Results.Unauthorized();
        }
        var jwt = await validator.ValidateAsync(header.Parameter, checkLifetime: true, ct);
        if (jwt is null) return InvalidToken(context, "The access token is invalid or expired.");
        if (await grants.IsAccessTokenRevokedAsync(jwt.Id, ct)) return InvalidToken(context, "The access token was revoked.");

        jwt.TryGetPayloadValue<string>(OidcClaims.Scope, out var scopeClaim);
        var scopes = (scopeClaim ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains(StandardScopes.OpenId))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\", scope=\"openid\"";
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        var owner = await owners.FindAsync(jwt.Subject, ct);
        if (owner is null || !owner.MayReceiveTokens) return InvalidToken(context, "The account is not active.");

        var body = new Dictionary<string, object> { [OidcClaims.Subject] = owner.Subject };
        if (scopes.Contains(StandardScopes.Profile))
        {
            body[OidcClaims.Name] = owner.Name;
            body[OidcClaims.Role] = owner.Roles;
            body[OidcClaims.Party] = owner.Parties;
        }
        if (scopes.Contains(StandardScopes.Email) && owner.Email is not null)
        {
            body[OidcClaims.Email] = owner.Email;
            body[OidcClaims.EmailVerified] = owner.EmailVerified;
        }
        return OAuthResponses.Json(context, body);
    }

    private static IResult InvalidToken(HttpContext context, string description)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{description}\"";
        return Results.Unauthorized();
    }
}
