using Identity.Api.OpenIdConnect.Clients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>RP-initiated logout (OIDC RP-Initiated Logout 1.0): signs out, then returns to a registered URI.</summary>
public static class EndSessionEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, ClientStore clients, CancellationToken ct)
    {
        var query = context.Request.Query;
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        var target = query["post_logout_redirect_uri"].ToString();
        var clientId = query["client_id"].ToString();
        if (target.Length > 0 && clientId.Length > 0
            && await clients.FindAsync(clientId, ct) is { } client
            && client.PostLogoutRedirectUris.Contains(target, StringComparer.Ordinal))
        {
            var state = query["state"].ToString();
            return Results.Redirect(state.Length > 0 ? QueryHelpers.AddQueryString(target, "state", state) : target);
        }
        return Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out</title></head><body><h1>You are signed out</h1></body></html>",
            "text/html; charset=utf-8");
    }
}
