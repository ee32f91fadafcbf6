using Identity.Api.Data;
using Identity.Api.OpenIdConnect;
using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Endpoints;
using Identity.Api.OpenIdConnect.Handlers;
using Identity.Api.OpenIdConnect.Keys;
using Identity.Api.OpenIdConnect.Revocation;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Extensions;

/// <summary>
/// The authorization server: OpenIddict (core with the EF Core stores in identitydb, server, and the local
/// validation of the Secretariat's API), with the keys of <see cref="ServerKeyRing"/>, the clients of
/// <c>Identity:Clients</c> and the revocations published to Redis.
/// </summary>
public static class OidcServerExtensions
{
    public const string RedisConnectionName = "redis";

    public static WebApplicationBuilder AddOidcServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OidcServerOptions>().Bind(builder.Configuration.GetSection(OidcServerOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.Issuer, UriKind.Absolute, out _), "Identity:Issuer must be an absolute URL (the public URL of the mechanism, the gateway's).")
            .ValidateOnStart();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDb>();
                core.ReplaceTokenManager<OpenIddictEntityFrameworkCoreToken, PublishingTokenManager>();
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePassthrough.Path)
                    .SetTokenEndpointUris(TokenPassthrough.Path)
                    .SetUserInfoEndpointUris(UserinfoPassthrough.Path)
                    .SetEndSessionEndpointUris(EndSessionPassthrough.Path)
                    .SetRevocationEndpointUris("/connect/revocation")
                    .SetIntrospectionEndpointUris("/connect/introspect")
                    .SetJsonWebKeySetEndpointUris("/.well-known/jwks");
                server.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                // PKCE on every code, S256 only (plain, and a challenge without a method, are refused).
                server.RequireProofKeyForCodeExchange();
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // Signed JWT access tokens (RFC 9068, typ at+jwt) any JwtBearer validates through discovery.
                server.DisableAccessTokenEncryption();
                // A redeemed refresh token presented again revokes its whole family, at once (no grace period).
                server.SetRefreshTokenReuseLeeway(null);
                // Refresh tokens are opaque references (their payload stays in identitydb, encrypted): short, and revocable by id.
                server.UseReferenceRefreshTokens();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.EmailVerified, Claims.Role, OidcClaims.Party,
                    Claims.AuthenticationTime, Claims.AuthenticationMethodReference);
                server.AddEventHandler(RecordAccessTokenId.Descriptor)
                    .AddEventHandler(RevokeFamilyOfRevokedRefreshToken.Descriptor)
                    .AddEventHandler(RevokeCodeAfterRefusedRedemption.Descriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Identity is reached over plain HTTP inside the mechanism: TLS ends at the gateway.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                // The Secretariat's API refuses revoked tokens and tokens of revoked sign-ins at once.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<OidcServerOptions>>((server, settings) =>
        {
            var o = settings.Value;
            server.Issuer = new Uri(o.Issuer, UriKind.Absolute);
            server.AccessTokenLifetime = o.AccessTokenLifetime;
            server.IdentityTokenLifetime = o.IdentityTokenLifetime;
            server.AuthorizationCodeLifetime = o.AuthorizationCodeLifetime;
            server.RefreshTokenLifetime = o.RefreshTokenLifetime;
            server.Scopes.UnionWith(o.ApiScopes);
        });
        services.AddOptions<OpenIddictValidationOptions>().Configure<IOptions<OidcServerOptions>>((validation, settings) =>
            validation.Audiences.Add(settings.Value.Audience));

        services.AddSingleton<ServerKeyRing>();
        services.AddSingleton<ServerKeyOptionsSetup>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<ServerKeyOptionsSetup>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<ServerKeyOptionsSetup>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictValidationOptions>>(sp => sp.GetRequiredService<ServerKeyOptionsSetup>());
        services.AddHostedService<ServerMaintenanceService>();
        services.AddSingleton<ClientRegistrar>();

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName)))
        {
            services.AddSingleton<IRevocationPublisher, UnpublishedRevocations>();
        }
        else
        {
            builder.AddRedisClient(RedisConnectionName);
            services.AddSingleton<IRevocationPublisher, RedisRevocationPublisher>();
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapOidcServer(this IEndpointRouteBuilder endpoints)
    {
        string[] getOrPost = [HttpMethods.Get, HttpMethods.Post];
        endpoints.MapMethods(AuthorizePassthrough.Path, getOrPost, (Delegate)AuthorizePassthrough.HandleAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapPost(TokenPassthrough.Path, (Delegate)TokenPassthrough.HandleAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(UserinfoPassthrough.Path, getOrPost, (Delegate)UserinfoPassthrough.HandleAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapMethods(EndSessionPassthrough.Path, getOrPost, (Delegate)EndSessionPassthrough.HandleAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }
}
