using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reporting.Api.Extensions;

/// <summary>
/// Sign-in for the secretariat's dashboard pages: the standard ASP.NET Core OpenID Connect handler (authorization
/// code with PKCE, a public client <c>Reporting:Dashboard:ClientId</c>, default <c>reporting-dashboard</c>) against
/// the identity service (<c>Reporting:Dashboard:Authority</c>, default <c>Identity:Issuer</c>: the gateway's public
/// address, as the browser sees it), and a cookie scoped to <c>/reporting</c>. The roles come from the access token
/// the identity service issued (its <c>role</c> claims). gRPC calls keep the bearer tokens of the service defaults.
/// Without an authority nothing but the cookie is registered: the secretariat pages then stay closed.
/// </summary>
public static class DashboardAuthentication
{
    public const string CookieScheme = "reporting-dashboard";
    public const string OidcScheme = "reporting-oidc";
    public const string SecretariatPolicy = "reporting-dashboard-secretariat";

    public static IHostApplicationBuilder AddDashboardAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Reporting:Dashboard");
        var authority = section["Authority"] is { Length: > 0 } a ? a : builder.Configuration["Identity:Issuer"];
        var authentication = builder.Services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = ".reporting.dashboard";
            cookie.Cookie.Path = "/reporting";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.HttpOnly = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.AccessDeniedPath = "/reporting/denied";
        });
        if (!string.IsNullOrWhiteSpace(authority))
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.SignInScheme = CookieScheme;
                oidc.Authority = authority;
                if (section["MetadataAddress"] is { Length: > 0 } metadata)
                {
                    oidc.MetadataAddress = metadata;
                }
                oidc.RequireHttpsMetadata = section.GetValue<bool?>("RequireHttpsMetadata") ?? !new Uri(authority).IsLoopback;
                oidc.ClientId = section["ClientId"] is { Length: > 0 } id ? id : "reporting-dashboard";
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.CallbackPath = "/reporting/signin-oidc";
                oidc.SignedOutCallbackPath = "/reporting/signout-callback-oidc";
                oidc.SignedOutRedirectUri = "/reporting";
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("profile");
                oidc.Scope.Add("reporting");
                oidc.TokenValidationParameters.NameClaimType = MechanismClaims.Subject;
                oidc.TokenValidationParameters.RoleClaimType = MechanismClaims.Role;
                oidc.Events.OnTokenValidated = context =>
                {
                    AddRolesFromAccessToken(context.Principal!, context.TokenEndpointResponse?.AccessToken);
                    return Task.CompletedTask;
                };
            });
        }
        builder.Services.AddAuthorizationBuilder().AddPolicy(SecretariatPolicy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireRole(MechanismRoles.Secretariat));
        builder.Services.ConfigureApplicationCookieChallenge(string.IsNullOrWhiteSpace(authority) ? null : OidcScheme);
        return builder;
    }

    /// <summary>The identity service's access token (just received from its token endpoint) carries the roles and parties.</summary>
    private static void AddRolesFromAccessToken(System.Security.Claims.ClaimsPrincipal principal, string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken) || principal.Identity is not System.Security.Claims.ClaimsIdentity identity)
        {
            return;
        }
        var token = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        foreach (var claim in token.Claims.Where(c => c.Type is MechanismClaims.Role or MechanismClaims.Party))
        {
            if (!identity.HasClaim(claim.Type, claim.Value))
            {
                identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
            }
        }
    }

    /// <summary>The cookie scheme challenges through OpenID Connect (when configured).</summary>
    private static void ConfigureApplicationCookieChallenge(this IServiceCollection services, string? challengeScheme) =>
        services.PostConfigure<CookieAuthenticationOptions>(CookieScheme, cookie =>
        {
            if (challengeScheme is not null)
            {
                cookie.ForwardChallenge = challengeScheme;
            }
        });

    public static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieScheme);
        var schemes = context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        if (await schemes.GetSchemeAsync(OidcScheme) is not null)
        {
            await context.SignOutAsync(OidcScheme, new AuthenticationProperties { RedirectUri = "/reporting" });
        }
        else
        {
            context.Response.Redirect("/reporting");
        }
    }
}
