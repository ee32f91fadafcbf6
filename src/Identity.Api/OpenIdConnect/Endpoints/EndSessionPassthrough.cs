using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// RP-initiated logout, after OpenIddict has checked the request: ends the login pages' session; OpenIddict then
/// returns to the client's registered post_logout_redirect_uri, or to the home page.
/// </summary>
public static class EndSessionPassthrough
{
    public const string Path = "/connect/endsession";

    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
