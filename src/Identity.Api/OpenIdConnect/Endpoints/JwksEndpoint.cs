using Identity.Api.OpenIdConnect.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>RFC 7517 JWK Set: the public parts of the current and the retired-but-published keys.</summary>
public static class JwksEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, SigningKeyRing keys, CancellationToken ct)
    {
        var published = await keys.GetPublishedKeysAsync(ct);
        var jwks = published.Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = SecurityAlgorithms.RsaSha256,
                ["kid"] = key.KeyId,
                ["n"] = Base64Url.Encode(parameters.Modulus!),
                ["e"] = Base64Url.Encode(parameters.Exponent!),
            };
        }).ToArray();
        // Short cache: validators refetch when they meet an unknown kid, and retired keys leave on time.
        context.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Json(new Dictionary<string, object> { ["keys"] = jwks });
    }
}
