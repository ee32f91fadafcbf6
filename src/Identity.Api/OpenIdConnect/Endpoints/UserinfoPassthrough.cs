using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// OIDC UserInfo, after OpenIddict has validated the access token (revoked tokens are refused there): needs the
/// <c>openid</c> scope and an account that may still receive tokens; answers from the account as it is now.
/// </summary>
public static class UserinfoPassthrough
{
    public const string Path = "/connect/userinfo";

    public static async Task<IResult> HandleAsync(HttpContext http, IResourceOwnerStore owners)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal?.GetClaim(Claims.Subject) is not { Length: > 0 } subject)
            return PassthroughResults.Challenge(Errors.InvalidToken, "The access token is invalid.");
        if (!principal.HasScope(Scopes.OpenId))
            return PassthroughResults.Challenge(Errors.InsufficientScope, "The userinfo endpoint needs an access token with the openid scope.");
        var owner = await owners.FindAsync(subject, http.RequestAborted);
        if (owner is null || !owner.MayReceiveTokens)
            return PassthroughResults.Challenge(Errors.InvalidToken, "The account is not active.");

        var claims = new Dictionary<string, object> { [Claims.Subject] = owner.Subject };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = owner.Name;
            claims[Claims.Role] = owner.Roles;
            claims[OidcClaims.Party] = owner.Parties;
        }
        if (principal.HasScope(Scopes.Email) && owner.Email is not null)
        {
            claims[Claims.Email] = owner.Email;
            claims[Claims.EmailVerified] = owner.EmailVerified;
        }
        return Results.Ok(claims);
    }
}
