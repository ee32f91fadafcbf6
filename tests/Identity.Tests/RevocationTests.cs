using System.Net;
using System.Text.Json;
using Identity.Api.Application.Accounts;
using Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Identity.Tests;

/// <summary>
/// Revocation that takes effect (CONTRACTS.md): identity writes each revocation to a real redis-server and
/// announces it on <c>revocations</c>, for the gateway to refuse those tokens within seconds; identity's own
/// endpoints (userinfo, introspection, refresh) refuse them at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RevocationTests(PostgresFixture postgres, RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Password = "correct horse battery staple";

    private Task<IdentityApp> StartAsync() => IdentityApp.StartAsync(postgres, new() { ["ConnectionStrings:redis"] = redis.ConnectionString });

    [Fact]
    public async Task RevokedAccessTokenIsPublishedUntilItExpiresAndRefusedAtUserinfo()
    {
        await using var app = await StartAsync();
        using var watcher = RevocationWatcher.Start(redis);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.UserinfoAsync(http, access)).StatusCode);

        var (status, _) = await OidcClient.RevokeAsync(http, access, "access_token");
        Assert.Equal(HttpStatusCode.OK, status);

        var jwt = new JsonWebToken(access);
        var key = await watcher.NextAsync();
        Assert.Equal("revoked:jti:" + jwt.Id, key);
        Assert.Equal("1", (string?)await watcher.Database.StringGetAsync(key));
        Assert.Equal(new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero).ToUnixTimeMilliseconds(), await watcher.ExpiresAtAsync(key));
        Assert.True(await watcher.QuietAsync());

        var userinfo = await OidcClient.UserinfoAsync(http, access);
        Assert.Equal(HttpStatusCode.Unauthorized, userinfo.StatusCode);
        Assert.Contains("invalid_token", userinfo.Headers.WwwAuthenticate.ToString());
        // Only that access token: the sign-in goes on.
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.RefreshAsync(http, tokens.GetProperty("refresh_token").GetString()!)).Status);
    }

    [Fact]
    public async Task ReusedRefreshTokenRevokesAndPublishesEveryAccessTokenOfItsFamily()
    {
        await using var app = await StartAsync();
        using var watcher = RevocationWatcher.Start(redis);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var first = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);
        var stolen = first.GetProperty("refresh_token").GetString()!;
        var (_, second) = await OidcClient.RefreshAsync(http, stolen);
        var (_, third) = await OidcClient.RefreshAsync(http, second.GetProperty("refresh_token").GetString()!);
        string[] family = [.. new[] { first, second, third }.Select(t => "revoked:jti:" + new JsonWebToken(t.GetProperty("access_token").GetString()).Id)];

        OidcClient.AssertError(await OidcClient.RefreshAsync(http, stolen), "invalid_grant");

        var announced = new[] { await watcher.NextAsync(), await watcher.NextAsync(), await watcher.NextAsync() };
        Assert.Equal(family.Order(), announced.Order());
        foreach (var key in family) Assert.True(await watcher.Database.KeyExistsAsync(key), key);
        OidcClient.AssertError(await OidcClient.RefreshAsync(http, third.GetProperty("refresh_token").GetString()!), "invalid_grant");
        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.UserinfoAsync(http, third.GetProperty("access_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task RevokedRefreshTokenPublishesTheAccessTokensOfItsSignIn()
    {
        await using var app = await StartAsync();
        using var watcher = RevocationWatcher.Start(redis);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);

        var (status, _) = await OidcClient.RevokeAsync(http, tokens.GetProperty("refresh_token").GetString()!, "refresh_token");
        Assert.Equal(HttpStatusCode.OK, status);

        Assert.Equal("revoked:jti:" + new JsonWebToken(tokens.GetProperty("access_token").GetString()).Id, await watcher.NextAsync());
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task DisablingAnAccountPublishesItsSubjectAndEndsItsSignIns()
    {
        await using var app = await StartAsync();
        using var watcher = RevocationWatcher.Start(redis);
        var userId = await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var http = app.Http();
        var tokens = await OidcClient.GetUserTokensAsync(app, "fp@example.org", Password);
        var access = tokens.GetProperty("access_token").GetString()!;

        await app.WithScopeAsync(sp => sp.GetRequiredService<AccountAdministration>().DisableAsync(userId, "secretariat@unodc.test", "left the ministry", CancellationToken.None));

        var key = await watcher.NextAsync();
        Assert.Equal("revoked:sub:" + userId, key);
        var revokedAt = long.Parse((string)(await watcher.Database.StringGetAsync(key))!);
        Assert.InRange(revokedAt, new DateTimeOffset(new JsonWebToken(access).IssuedAt, TimeSpan.Zero).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var ttl = await watcher.Database.KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value.TotalSeconds, 700, 720); // access token lifetime (600 s) + 120 s

        Assert.Equal(HttpStatusCode.Unauthorized, (await OidcClient.UserinfoAsync(http, access)).StatusCode);
        OidcClient.AssertError(await OidcClient.RefreshAsync(http, tokens.GetProperty("refresh_token").GetString()!), "invalid_grant");
    }

    [Fact]
    public async Task PartnerIntrospectsItsTokenAsActiveUntilItRevokesIt()
    {
        await using var app = await StartAsync();
        using var watcher = RevocationWatcher.Start(redis);
        using var http = app.Http();
        var token = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;

        var (status, before) = await OidcClient.IntrospectAsync(http, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(before.GetProperty("active").GetBoolean());
        Assert.Equal(IdentityApp.PartnerClientId, before.GetProperty("sub").GetString());
        Assert.Equal(new JsonWebToken(token).Id, before.GetProperty("jti").GetString());

        var (revoked, _) = await OidcClient.PostFormAsync(http, "/connect/revocation", new() { ["token"] = token },
            (IdentityApp.PartnerClientId, IdentityApp.PartnerSecret));
        Assert.Equal(HttpStatusCode.OK, revoked);
        Assert.Equal("revoked:jti:" + new JsonWebToken(token).Id, await watcher.NextAsync());

        var (_, after) = await OidcClient.IntrospectAsync(http, token);
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Object, after.ValueKind);
    }
}
