using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// The authorization endpoint's decision, after OpenIddict has checked the request (client, exact redirect URI,
/// response_type=code, PKCE with S256, scopes): who is signed in (the login pages' Identity cookie), whether the
/// account may receive tokens, the second factor of Secretariat accounts; then OpenIddict issues the code.
/// First-party clients only: there is no consent page.
/// </summary>
public static class AuthorizePassthrough
{
    public const string Path = "/connect/authorize";

    public static async Task<IResult> HandleAsync(
        HttpContext http, IOpenIddictApplicationManager applications, IResourceOwnerStore owners, IOptions<OidcServerOptions> options, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect authorization request.");
        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        if (!await applications.HasConsentTypeAsync(application, ConsentTypes.Implicit, http.RequestAborted))
            return PassthroughResults.Refuse(Errors.UnauthorizedClient, "Only first-party applications may sign people in for now (no consent page).");
        if (request.HasScope(Scopes.OpenId) && !await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + Scopes.OpenId, http.RequestAborted))
            return PassthroughResults.Refuse(Errors.InvalidScope, "The scope 'openid' is not allowed for this application.");

        var signIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (signIn.Succeeded && request.HasPromptValue(PromptValues.Login))
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            signIn = AuthenticateResult.NoResult();
        }
        if (!signIn.Succeeded)
        {
            if (request.HasPromptValue(PromptValues.None)) return PassthroughResults.Refuse(Errors.LoginRequired, "The user is not signed in.");
            // Back here after the login page, with the same parameters (without prompt=login, which would loop).
            var again = request.GetParameters().Where(p => p.Key != Parameters.Prompt).ToDictionary(p => p.Key, p => (string?)p.Value);
            var returnUrl = QueryHelpers.AddQueryString(http.Request.PathBase + Path, again);
            return Results.Redirect(QueryHelpers.AddQueryString(http.Request.PathBase + "/Account/Login", "ReturnUrl", returnUrl));
        }

        var subject = signIn.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var owner = await owners.FindAsync(subject, http.RequestAborted);
        var methods = signIn.Principal.FindAll(Claims.AuthenticationMethodReference).Select(c => c.Value).Distinct().ToList();
        if (owner is null || !owner.MayReceiveTokens)
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return PassthroughResults.Refuse(Errors.AccessDenied, owner?.RefusalReason ?? "The account does not exist.");
        }
        if (owner.RequiresTwoFactor && !methods.Contains("mfa"))
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return PassthroughResults.Refuse(Errors.AccessDenied, "This account must sign in with a second factor; please sign in again.");
        }

        var authTime = signIn.Properties?.IssuedUtc ?? clock.GetUtcNow();
        return PassthroughResults.SignIn(TokenPrincipals.ForPerson(owner, request.GetScopes(), methods, authTime, options.Value.Audience));
    }
}
