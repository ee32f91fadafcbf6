using Microsoft.Extensions.Options;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// OpenID Connect Discovery 1.0 (and RFC 8414). The issuer is the configured one; endpoint URLs use
/// the address the caller reached (the gateway's public one, or the internal one for services).
/// </summary>
public static class DiscoveryEndpoint
{
    public static IResult Handle(HttpContext context, IOptions<OidcServerOptions> options)
    {
        var o = options.Value;
        var baseUrl = OAuthResponses.BaseUrl(context.Request);
        var authMethods = new[] { "client_secret_basic", "client_secret_post", "none" };
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = o.Issuer,
            ["authorization_endpoint"] = baseUrl + OidcPaths.Authorize,
            ["token_endpoint"] = baseUrl + OidcPaths.Token,
            ["userinfo_endpoint"] = baseUrl + OidcPaths.Userinfo,
            ["revocation_endpoint"] = baseUrl + OidcPaths.Revocation,
            ["end_session_endpoint"] = baseUrl + OidcPaths.EndSession,
            ["jwks_uri"] = baseUrl + OidcPaths.Jwks,
            ["scopes_supported"] = StandardScopes.All.Concat(o.ApiScopes).ToArray(),
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query" },
            ["grant_types_supported"] = new[] { GrantTypes.AuthorizationCode, GrantTypes.ClientCredentials, GrantTypes.RefreshToken },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = authMethods,
            ["revocation_endpoint_auth_methods_supported"] = authMethods,
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["claims_supported"] = new[]
            {
                OidcClaims.Subject, OidcClaims.Name, OidcClaims.Email, OidcClaims.EmailVerified, OidcClaims.Role,
                OidcClaims.Party, OidcClaims.AuthTime, OidcClaims.AuthenticationMethods, "iss", "aud", "exp", "iat",
            },
            ["prompt_values_supported"] = new[] { "none", "login" },
            ["authorization_response_iss_parameter_supported"] = true,
            ["claims_parameter_supported"] = false,
            ["request_parameter_supported"] = false,
            ["request_uri_parameter_supported"] = false,
        });
    }
}
