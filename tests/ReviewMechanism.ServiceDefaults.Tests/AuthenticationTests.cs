using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

namespace ReviewMechanism.ServiceDefaults.Tests;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private FakeIdentityProvider _identity = null!;
    private TestApp _service = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityProvider.StartAsync();
        _service = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Identity:Authority"] = _identity.Authority.ToString(),
                ["Identity:Issuer"] = FakeIdentityProvider.PublicIssuer,
            },
            b => b.AddDefaultAuthentication(),
            app =>
            {
                app.MapGet("/parties", (ClaimsPrincipal user) => string.Join(",", user.GetParties().Order(StringComparer.Ordinal)))
                    .RequireAuthorization(AuthorizationPolicies.PartyMember);
                app.MapGet("/whoami", (ClaimsPrincipal user) => $"{user.Identity!.Name}|{string.Join(",", user.FindAll(MechanismClaims.Role).Select(c => c.Value))}")
                    .RequireAuthorization(AuthorizationPolicies.Authenticated);
                app.MapGet("/secretariat", () => "ok").RequireAuthorization(AuthorizationPolicies.Secretariat);
            });
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task ATokenSignedWithTheKeyOfTheDiscoveryDocumentIsAccepted()
    {
        var token = _identity.IssueAccessToken("user-1", [MechanismRoles.FocalPoint], ["AUT", "BEL"]);

        var parties = await GetAsync("/parties", token);
        var whoami = await GetAsync("/whoami", token);

        Assert.Equal(HttpStatusCode.OK, parties.StatusCode);
        Assert.Equal("AUT,BEL", await parties.Content.ReadAsStringAsync());
        Assert.Equal("user-1|FocalPoint", await whoami.Content.ReadAsStringAsync());
        Assert.True(_identity.DiscoveryRequests > 0);
    }

    [Fact]
    public async Task ARoleOutsideThePolicyIsForbidden()
    {
        var focalPoint = _identity.IssueAccessToken("user-2", [MechanismRoles.FocalPoint], ["AUT"]);
        var secretariat = _identity.IssueAccessToken("user-3", [MechanismRoles.Secretariat], []);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/secretariat", focalPoint)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/secretariat", secretariat)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/parties", secretariat)).StatusCode);
    }

    [Fact]
    public async Task APartyMemberWithoutAPartyClaimIsForbidden()
    {
        var expertWithoutParty = _identity.IssueAccessToken("user-4", [MechanismRoles.GovernmentalExpert], []);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/parties", expertWithoutParty)).StatusCode);
    }

    [Fact]
    public async Task TokensThatAreNotTheIdentityServicesAccessTokensAreRefused()
    {
        using var otherKey = RSA.Create(2048);
        var refused = new[]
        {
            _identity.IssueAccessToken("u", [MechanismRoles.Secretariat], [], audience: "someone-else"),
            _identity.IssueAccessToken("u", [MechanismRoles.Secretariat], [], issuer: "https://evil.example/"),
            _identity.IssueAccessToken("u", [MechanismRoles.Secretariat], [], tokenType: "JWT"),
            _identity.IssueAccessToken("u", [MechanismRoles.Secretariat], [], signingKey: new RsaSecurityKey(otherKey) { KeyId = "other" }),
            _identity.IssueAccessToken("u", [MechanismRoles.Secretariat], [], expires: DateTime.UtcNow.AddMinutes(-5)),
        };

        foreach (var token in refused)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/secretariat", token)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/secretariat", null)).StatusCode);
    }

    [Fact]
    public async Task HealthEndpointsNeedNoToken()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/health", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/alive", null)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _service.Http.SendAsync(request);
    }
}
