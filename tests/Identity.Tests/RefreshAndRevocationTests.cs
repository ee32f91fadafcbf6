using System.Net;
using System.Text.Json;
using Identity.Tests.Infrastructure;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RefreshAndRevocationTests(PostgresFixture postgres)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task RefreshGivesANewRefreshTokenAndANewAccessToken()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var first = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);

        var (status, second) = await OidcClient.RefreshAsync(http, first.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.UserinfoAsync(http, second.GetProperty("access_token").GetString()!)).StatusCode);

        var (again, _) = await OidcClient.RefreshAsync(http, second.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, again);
    }

    [Fact]
    public async Task ReusingARefreshTokenRevokesTheWholeFamily()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var first = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);
        var stolen = first.GetProperty("refresh_token").GetString()!;
        var (_, legit) = await OidcClient.RefreshAsync(http, stolen);
        var current = legit.GetProperty("refresh_token").GetString()!;
        var currentAccess = legit.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.UserinfoAsync(http, currentAccess)).StatusCode);

        var (status, body) = await OidcClient.RefreshAsync(http, stolen);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        var (afterReuse, afterBody) = await OidcClient.RefreshAsync(http, current);
        Assert.Equal(HttpStatusCode.BadRequest, afterReuse);
        Assert.Equal("invalid_grant", afterBody.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.UserinfoAsync(http, currentAccess)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.UserinfoAsync(http, first.GetProperty("access_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task RefreshTokenOfAnotherClientIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);

        var (status, body) = await OidcClient.PostFormAsync(http, "/connect/token",
            new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! },
            (IdentityApp.PartnerClientId, IdentityApp.PartnerSecret));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RevokedRefreshTokenIsRefusedAndItsAccessTokensWithIt()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        var (status, _) = await OidcClient.PostFormAsync(http, "/connect/revocation", new()
        {
            ["token"] = refresh, ["token_type_hint"] = "refresh_token", ["client_id"] = IdentityApp.WebClientId,
        });
        Assert.Equal(HttpStatusCode.OK, status);

        var (refreshStatus, body) = await OidcClient.RefreshAsync(http, refresh);
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.UserinfoAsync(http, tokens.GetProperty("access_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task RevokedAccessTokenIsRefusedAtUserinfoWhileTheRefreshTokenStaysValid()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.UserinfoAsync(http, access)).StatusCode);

        var (status, _) = await OidcClient.PostFormAsync(http, "/connect/revocation", new()
        {
            ["token"] = access, ["token_type_hint"] = "access_token", ["client_id"] = IdentityApp.WebClientId,
        });
        Assert.Equal(HttpStatusCode.OK, status);

        var userinfo = await OidcClient.UserinfoAsync(http, access);
        Assert.Equal(HttpStatusCode.Unauthorized, userinfo.StatusCode);
        Assert.Contains("invalid_token", userinfo.Headers.WwwAuthenticate.ToString());
        var (refreshStatus, _) = await OidcClient.RefreshAsync(http, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
    }

    [Fact]
    public async Task RevocationOfUnknownTokenAnswersOkAndRevocationWithoutClientIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        var (status, _) = await OidcClient.PostFormAsync(http, "/connect/revocation", new() { ["token"] = "nonsense", ["client_id"] = IdentityApp.WebClientId });
        Assert.Equal(HttpStatusCode.OK, status);
        var (noClient, body) = await OidcClient.PostFormAsync(http, "/connect/revocation", new() { ["token"] = "nonsense" });
        Assert.Equal(HttpStatusCode.Unauthorized, noClient);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UserinfoReturnsTheProfileRolesAndPartiesOfTheSignedInPerson()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var userId = await app.CreateApprovedPersonAsync("expert@example.org", Password, party: "DEU", role: ReviewMechanism.Events.V1.NominationRole.GovernmentalExpert);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "expert@example.org", Password);

        var response = await OidcClient.UserinfoAsync(http, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(userId, info.GetProperty("sub").GetString());
        Assert.Equal("Maria Example", info.GetProperty("name").GetString());
        Assert.Equal("expert@example.org", info.GetProperty("email").GetString());
        Assert.True(info.GetProperty("email_verified").GetBoolean());
        Assert.Equal(["GovernmentalExpert"], info.GetProperty("role").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["DEU"], info.GetProperty("party").EnumerateArray().Select(e => e.GetString()));

        var (_, partner) = await OidcClient.ClientCredentialsAsync(http);
        var forPartner = await OidcClient.UserinfoAsync(http, partner.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, forPartner.StatusCode); // no openid scope
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.UserinfoAsync(http, "not-a-token")).StatusCode);
    }
}
