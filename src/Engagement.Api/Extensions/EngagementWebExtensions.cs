using System.Globalization;
using Engagement.Api.Application;
using Engagement.Api.Pages.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Engagement.Api.Extensions;

/// <summary>
/// The server-rendered pages: Razor Pages in English and French, antiforgery on every form, rate limits in Redis,
/// the applicant's manage cookie, and the secretariat's pages behind a login with identity (OpenID Connect,
/// authorization code + PKCE, through the standard ASP.NET Core handler).
/// </summary>
public static class EngagementWebExtensions
{
    public const string SecretariatCookie = "engagement-secretariat";
    public const string SecretariatChallenge = "engagement-oidc";
    public const string SecretariatPagesPolicy = "SecretariatPages";

    public static IHostApplicationBuilder AddEngagementPages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Secretariat", SecretariatPagesPolicy);
        }).AddMvcOptions(options => options.Filters.Add<AntiforgeryFailurePage>());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "engagement.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        var dataDirectory = builder.Configuration["Engagement:DataDirectory"];
        var dataProtection = services.AddDataProtection().SetApplicationName("review-mechanism-engagement");
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            // Keys outlive a restart (a form or a manage cookie issued before a crash still works).
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        services.AddSingleton<UiText>();
        services.AddSingleton<ManageAccess>();
        services.AddSingleton<WebRateLimiter>();
        builder.AddRedisClient();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The gateway (loopback by default) says who the client is.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });
        services.AddAuthorizationBuilder().AddPolicy(SecretariatPagesPolicy, policy => policy
            .AddAuthenticationSchemes(SecretariatCookie)
            .RequireAuthenticatedUser()
            .RequireRole(MechanismRoles.Secretariat));
        builder.AddSecretariatLogin();
        return builder;
    }

    /// <summary>
    /// Cookie + OpenID Connect (code flow with PKCE) against identity. The browser goes to the public issuer
    /// (<c>Identity:Issuer</c>, the gateway); the service reads the discovery document and redeems the code at
    /// <c>Identity:Authority</c> (internal address). Client: <c>Engagement:Secretariat:ClientId</c> (default
    /// <c>engagement-web</c>), public unless <c>Engagement:Secretariat:ClientSecret</c> is set.
    /// </summary>
    private static void AddSecretariatLogin(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        var authority = identity["Authority"];
        var authentication = builder.Services.AddAuthentication();
        authentication.AddCookie(SecretariatCookie, options =>
        {
            options.Cookie.Name = "engagement.secretariat";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.HttpOnly = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.ForwardChallenge = string.IsNullOrWhiteSpace(authority) ? null : SecretariatChallenge;
        });
        if (string.IsNullOrWhiteSpace(authority))
        {
            return;
        }
        var issuer = identity["Issuer"] is { Length: > 0 } i ? i : authority;
        var settings = builder.Configuration.GetSection("Engagement:Secretariat");
        authentication.AddOpenIdConnect(SecretariatChallenge, options =>
        {
            options.SignInScheme = SecretariatCookie;
            options.Authority = authority;
            options.RequireHttpsMetadata = identity.GetValue<bool?>("RequireHttpsMetadata") ?? !new Uri(authority).IsLoopback;
            options.ClientId = settings["ClientId"] ?? "engagement-web";
            options.ClientSecret = settings["ClientSecret"];
            options.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the query (RFC 6749), which every identity server supports; form_post is optional.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            // The callback is a top-level GET from identity's pages (same site through the gateway): Lax is enough, and
            // Secure follows the request's scheme (the gateway's X-Forwarded-Proto) so a plain-HTTP development stack works.
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            options.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" })
            {
                options.Scope.Add(scope);
            }
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.CallbackPath = "/signin-oidc";
            options.SignedOutCallbackPath = "/signout-callback-oidc";
            options.TokenValidationParameters.ValidIssuer = issuer;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = MechanismClaims.Role;
            options.Events.OnRedirectToIdentityProvider = context =>
            {
                // The browser signs in at the public address, not identity's internal one.
                context.ProtocolMessage.IssuerAddress = issuer.TrimEnd('/') + new Uri(context.ProtocolMessage.IssuerAddress).AbsolutePath;
                return Task.CompletedTask;
            };
        });
    }

    public static WebApplication UseEngagementPages(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<EngagementOptions>();
        app.UseForwardedHeaders();
        app.UsePathBase(options.PathBase);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = [new CultureInfo("en"), new CultureInfo("fr")],
            SupportedUICultures = [new CultureInfo("en"), new CultureInfo("fr")],
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
        app.Use(async (context, next) =>
        {
            // The language chosen with ?culture= stays for the next pages.
            if (context.Request.Query.TryGetValue("culture", out var culture) && UiText.Languages.Contains(culture.ToString()))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.ToString())),
                    new CookieOptions { Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax });
            }
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
