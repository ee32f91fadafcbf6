using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>
/// A request without an Authorization header skips the JwtBearer handler (TokenlessRequestAuthentication): it must
/// still be anonymous and challenged as before, and a service that reads its tokens from elsewhere keeps the handler.
/// </summary>
public sealed class TokenlessRequestTests : IAsyncLifetime
{
    private FakeIdentityProvider _identity = null!;

    public async Task InitializeAsync() => _identity = await FakeIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task ARequestWithoutATokenIsAnonymousAndChallengedByTheBearerHandler()
    {
        await using var service = await StartAsync(readTokenFromCustomHeader: false);

        var anonymous = await service.Http.GetStringAsync("/anonymous");
        var refused = await service.Http.GetAsync("/whoami");
        var accepted = await SendAsync(service, "/whoami", new AuthenticationHeaderValue("Bearer", _identity.IssueAccessToken("user-1", [MechanismRoles.Secretariat], [])));

        Assert.Equal("anonymous", anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", Assert.Single(refused.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("user-1", await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATokenThatAMessageReceivedEventReadsFromAnotherHeaderIsStillAccepted()
    {
        await using var service = await StartAsync(readTokenFromCustomHeader: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Add("x-access-token", _identity.IssueAccessToken("user-2", [MechanismRoles.Secretariat], []));

        var response = await service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("user-2", await response.Content.ReadAsStringAsync());
    }

    private async Task<TestApp> StartAsync(bool readTokenFromCustomHeader) =>
        await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Identity:Authority"] = _identity.Authority.ToString(),
                ["Identity:Issuer"] = FakeIdentityProvider.PublicIssuer,
            },
            b =>
            {
                b.AddDefaultAuthentication();
                if (readTokenFromCustomHeader)
                {
                    b.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.Events = new JwtBearerEvents
                    {
                        OnMessageReceived = context =>
                        {
                            context.Token = context.Request.Headers["x-access-token"];
                            return Task.CompletedTask;
                        },
                    });
                }
            },
            app =>
            {
                app.MapGet("/anonymous", (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? "authenticated" : "anonymous");
                app.MapGet("/whoami", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization(AuthorizationPolicies.Authenticated);
            });

    private static async Task<HttpResponseMessage> SendAsync(TestApp service, string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await service.Http.SendAsync(request);
    }
}
