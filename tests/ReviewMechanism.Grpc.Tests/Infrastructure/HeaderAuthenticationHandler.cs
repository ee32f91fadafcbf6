using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>
/// Test authentication: <c>x-test-user: alice; role=Secretariat; party=AUT</c> signs in alice with
/// those claims. No header, no identity.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeader";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers["x-test-user"].ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var parts = header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        foreach (var part in parts.Skip(1))
        {
            var pair = part.Split('=', 2);
            claims.Add(new Claim(pair[0] == "role" ? ClaimTypes.Role : pair[0], pair[1]));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
