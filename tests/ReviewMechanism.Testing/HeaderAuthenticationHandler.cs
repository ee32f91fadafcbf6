using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.Testing;

/// <summary>
/// Test authentication for RPC tests: the caller's claims come from request headers, standing in for the JWT bearer
/// handler: <c>x-test-sub</c> (sub), <c>x-test-client</c> (client_id), <c>x-test-roles</c> and <c>x-test-parties</c>
/// (comma-separated role and party claims). No x-test-sub header = anonymous.
/// </summary>
public sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestHeaders";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var subject = Request.Headers["x-test-sub"].ToString();
        if (subject.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var claims = new List<Claim> { new("sub", subject) };
        var client = Request.Headers["x-test-client"].ToString();
        if (client.Length > 0)
        {
            claims.Add(new Claim("client_id", client));
        }
        claims.AddRange(Split("x-test-roles").Select(r => new Claim("role", r)));
        claims.AddRange(Split("x-test-parties").Select(p => new Claim("party", p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", "role"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private IEnumerable<string> Split(string header) =>
        Request.Headers[header].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
