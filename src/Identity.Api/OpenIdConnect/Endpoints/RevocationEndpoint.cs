using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Tokens;

namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>
/// RFC 7009 token revocation. A refresh token revokes its whole grant (all refresh tokens and the
/// access tokens issued through it); an access token is revoked by its jti until it expires.
/// Unknown tokens, and tokens of another client, get 200 and change nothing (no token probing).
/// </summary>
public static class RevocationEndpoint
{
    public static async Task<IResult> Handle(
        HttpContext context, ClientAuthenticator authenticator, GrantStore grants, AccessTokenValidator validator, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
            return OAuthResponses.Error(context, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
        var form = await context.Request.ReadFormAsync(ct);
        var auth = await authenticator.AuthenticateAsync(context.Request, form, ct);
        if (auth.Client is not { } client)
        {
            var status = auth.Error == "invalid_client" ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
            if (auth.UsedBasic && status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Basic realm=\"identity\"";
            return OAuthResponses.Error(context, auth.Error!, auth.Description!, status);
        }
        var token = form["token"].ToString();
        if (token.Length == 0) return OAuthResponses.Error(context, "invalid_request", "token is missing.");

        var hint = form["token_type_hint"].ToString();
        var tryAccessFirst = hint == "access_token";
        if (!tryAccessFirst && await RevokeRefreshTokenAsync(grants, token, client, ct)) return Ok(context);
        if (await RevokeAccessTokenAsync(grants, validator, token, client, ct)) return Ok(context);
        if (tryAccessFirst) await RevokeRefreshTokenAsync(grants, token, client, ct);
        return Ok(context);
    }

    private static async Task<bool> RevokeRefreshTokenAsync(GrantStore grants, string token, OAuthClient client, CancellationToken ct)
    {
        var refresh = await grants.FindRefreshTokenAsync(token, ct);
        if (refresh is null) return false;
        if (refresh.ClientId == client.ClientId) await grants.RevokeGrantAsync(refresh.GrantId, ct);
        return true;
    }

    private static async Task<bool> RevokeAccessTokenAsync(GrantStore grants, AccessTokenValidator validator, string token, OAuthClient client, CancellationToken ct)
    {
        if (token.Count(c => c == '.') != 2) return false;
        var jwt = await validator.ValidateAsync(token, checkLifetime: false, ct);
        if (jwt is null) return false;
        if (jwt.TryGetPayloadValue<string>(OidcClaims.ClientId, out var owner) && owner == client.ClientId)
            await grants.RevokeAccessTokenAsync(jwt.Id, client.ClientId, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), ct);
        return true;
    }

    private static IResult Ok(HttpContext context)
    {
        OAuthResponses.NoStore(context);
        return Results.Ok();
    }
}
