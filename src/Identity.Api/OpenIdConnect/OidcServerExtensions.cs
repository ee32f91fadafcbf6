using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Endpoints;
using Identity.Api.OpenIdConnect.Keys;
using Identity.Api.OpenIdConnect.Tokens;

namespace Identity.Api.OpenIdConnect;

/// <summary>
/// The seam of the authorization server: everything protocol-specific is registered and mapped
/// here, and talks to the rest of the service only through <see cref="IResourceOwnerStore"/>, the
/// Identity cookie and the database. Replacing it with OpenIddict means replacing this folder.
/// </summary>
public static class OidcServerExtensions
{
    public static IServiceCollection AddOidcServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcServerOptions>().Bind(configuration.GetSection(OidcServerOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<GrantStore>();
        services.AddSingleton<ClientStore>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<ClientSeeder>();
        services.AddSingleton<TokenFactory>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddScoped<TokenEndpoint>();
        services.AddHostedService<SigningKeyRotationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapOidcServer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OidcPaths.Discovery, DiscoveryEndpoint.Handle).AllowAnonymous();
        endpoints.MapGet(OidcPaths.Jwks, JwksEndpoint.Handle).AllowAnonymous();
        endpoints.MapMethods(OidcPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost(OidcPaths.Token, TokenEndpoint.Handle).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost(OidcPaths.Revocation, RevocationEndpoint.Handle).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(OidcPaths.Userinfo, [HttpMethods.Get, HttpMethods.Post], UserinfoEndpoint.Handle).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet(OidcPaths.EndSession, EndSessionEndpoint.Handle).AllowAnonymous();
        return endpoints;
    }
}
