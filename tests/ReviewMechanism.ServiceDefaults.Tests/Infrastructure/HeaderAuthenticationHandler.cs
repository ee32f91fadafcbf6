using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// Test authentication: header <c>x-test-user: alice; role=Secretariat; party=AUT</c> signs in alice with those
/// claims (as an access token would carry them). No header: anonymous.
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
        var claims = new List<Claim> { new("sub", parts[0]) };
        foreach (var part in parts.Skip(1))
        {
            var (type, value) = (part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]);
            claims.Add(new Claim(type, value));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", "role"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
