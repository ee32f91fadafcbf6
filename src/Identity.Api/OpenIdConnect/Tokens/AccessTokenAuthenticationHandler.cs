using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Identity.Api.OpenIdConnect.Tokens;

/// <summary>
/// Bearer authentication for the identity service's own APIs (the Secretariat's accounts gRPC API):
/// the access token is checked with this server's keys and clock (no discovery round trip to itself),
/// and refused when revoked. Claims are kept as issued: <c>sub</c>, <c>role</c>, <c>party</c>, <c>scope</c>.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenValidator validator,
    GrantStore grants)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(header.Parameter))
        {
            return AuthenticateResult.NoResult();
        }
        var jwt = await validator.ValidateAsync(header.Parameter, checkLifetime: true, Context.RequestAborted);
        if (jwt is null) return AuthenticateResult.Fail("The access token is invalid or expired.");
        if (await grants.IsAccessTokenRevokedAsync(jwt.Id, Context.RequestAborted)) return AuthenticateResult.Fail("The access token was revoked.");

        var identity = new ClaimsIdentity(jwt.Claims, SchemeName, OidcClaims.Subject, OidcClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"identity\"";
        return Task.CompletedTask;
    }
}
