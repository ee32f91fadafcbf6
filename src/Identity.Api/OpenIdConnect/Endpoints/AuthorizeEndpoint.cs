using System.Security.Claims;
using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Grants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// Authorization endpoint (RFC 6749 4.1, OIDC Core 3.1.2): response_type=code with PKCE S256 only
/// (RFC 7636, RFC 9700 2.1.1), exact redirect URI match, sign-in through the login page,
/// no consent for first-party clients (other clients may not use this flow yet).
/// </summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> Handle(
        HttpContext context, ClientStore clients, GrantStore grants, IResourceOwnerStore owners,
        IOptions<OidcServerOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var parameters = HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(ct)).ToDictionary(p => p.Key, p => p.Value)
            : context.Request.Query.ToDictionary(p => p.Key, p => p.Value);
        string? Get(string name) => parameters.TryGetValue(name, out var v) && v.Count == 1 ? v.ToString() : null;

        // Errors about the client or the redirect URI are shown, never redirected (RFC 6749 4.1.2.1).
        if (parameters.Any(p => p.Value.Count > 1))
            return ErrorPage("invalid_request", "A parameter appears more than once.");
        var clientId = Get("client_id");
        if (string.IsNullOrEmpty(clientId)) return ErrorPage("invalid_request", "client_id is missing.");
        var client = await clients.FindAsync(clientId, ct);
        if (client is null) return ErrorPage("invalid_client", "This application is not registered.");
        var redirectUri = Get("redirect_uri");
        if (string.IsNullOrEmpty(redirectUri)) return ErrorPage("invalid_request", "redirect_uri is missing.");
        if (!client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
            return ErrorPage("invalid_request", "redirect_uri is not registered for this application.");

        var state = Get("state");
        var issuer = options.Value.Issuer;
        IResult Fail(string error, string description) => RedirectWith(redirectUri, new()
        {
            ["error"] = error, ["error_description"] = description, ["state"] = state, ["iss"] = issuer,
        });

        if (Get("request") is not null || Get("request_uri") is not null)
            return Fail("request_not_supported", "Request objects are not supported.");
        if (Get("response_type") != "code")
            return Fail("unsupported_response_type", "Only response_type=code is supported.");
        if (!client.Allows(GrantTypes.AuthorizationCode))
            return Fail("unauthorized_client", "This application may not use the authorization code flow.");
        if (!client.FirstParty)
            return Fail("unauthorized_client", "Only first-party applications may sign people in for now (no consent page).");
        if (Get("response_mode") is { } mode && mode != "query")
            return Fail("invalid_request", "Only response_mode=query is supported.");

        var challenge = Get("code_challenge");
        var method = Get("code_challenge_method");
        if (string.IsNullOrEmpty(challenge))
            return Fail("invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256.");
        if (method != "S256")
            return Fail("invalid_request", "Only code_challenge_method=S256 is accepted (plain is refused).");
        if (!Pkce.IsValidS256Challenge(challenge))
            return Fail("invalid_request", "code_challenge must be the base64url SHA-256 of the verifier (43 characters).");

        var scopes = (Get("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (scopes.Count == 0) return Fail("invalid_scope", "scope is missing.");
        if (scopes.FirstOrDefault(s => !client.Scopes.Contains(s)) is { } refused)
            return Fail("invalid_scope", $"The scope '{refused}' is not allowed for this application.");
        if (scopes.Contains(StandardScopes.OfflineAccess) && !client.Allows(GrantTypes.RefreshToken))
            return Fail("invalid_scope", "This application may not receive refresh tokens (offline_access).");

        var prompt = (Get("prompt") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var subject = signIn.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (prompt.Contains("login") && subject is not null)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            subject = null;
        }
        if (subject is null)
        {
            if (prompt.Contains("none")) return Fail("login_required", "The user is not signed in.");
            var again = parameters.Where(p => p.Key != "prompt").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
            var returnUrl = QueryHelpers.AddQueryString(context.Request.PathBase + OidcPaths.Authorize, again);
            return Results.Redirect(QueryHelpers.AddQueryString(context.Request.PathBase + OidcPaths.Login, "ReturnUrl", returnUrl));
        }

        var owner = await owners.FindAsync(subject, ct);
        var methods = signIn.Principal!.FindAll("amr").Select(c => c.Value).Distinct().ToList();
        if (owner is null || !owner.MayReceiveTokens)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Fail("access_denied", owner?.RefusalReason ?? "The account does not exist.");
        }
        if (owner.RequiresTwoFactor && !methods.Contains("mfa"))
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Fail("access_denied", "This account must sign in with a second factor; please sign in again.");
        }

        var authTime = signIn.Properties?.IssuedUtc ?? clock.GetUtcNow();
        var code = await grants.CreateAuthorizationCodeAsync(new AuthorizationCode
        {
            ClientId = client.ClientId,
            UserId = subject,
            RedirectUri = redirectUri,
            Scopes = scopes,
            CodeChallenge = challenge,
            Nonce = Get("nonce"),
            AuthTime = authTime,
            AuthenticationMethods = methods,
        }, ct);
        return RedirectWith(redirectUri, new() { ["code"] = code, ["state"] = state, ["iss"] = issuer });
    }

    private static IResult RedirectWith(string redirectUri, Dictionary<string, string?> values)
    {
        var present = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => (StringValues)v.Value);
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, present));
    }

    private static IResult ErrorPage(string error, string description) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
        <body><h1>This sign-in request cannot be processed</h1>
        <p>{System.Net.WebUtility.HtmlEncode(description)}</p><p><small>{System.Net.WebUtility.HtmlEncode(error)}</small></p></body></html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
