using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>Answers the passthrough endpoints give back to OpenIddict, which turns them into protocol responses.</summary>
internal static class PassthroughResults
{
    public static IResult SignIn(System.Security.Claims.ClaimsIdentity identity) =>
        Results.SignIn(new System.Security.Claims.ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>An OAuth error (<paramref name="error"/>, <paramref name="description"/>): redirected to the client at the authorization endpoint, JSON elsewhere.</summary>
    public static IResult Refuse(string error, string description) =>
        Results.Forbid(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>A bearer token refusal (userinfo): 401 for invalid_token, 403 for insufficient_scope, with WWW-Authenticate.</summary>
    public static IResult Challenge(string error, string description) =>
        Results.Challenge(Properties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
