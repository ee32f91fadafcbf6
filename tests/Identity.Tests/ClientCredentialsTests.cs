using System.Net;
using Identity.Api.Data;
using Identity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ClientCredentialsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PartnerSystemGetsAnAt_JwtThatJwtBearerAcceptsWithItsRoleAndParty()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        using var http = app.Http();

        var (status, body) = await OidcClient.ClientCredentialsAsync(http, "reviews");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.False(body.TryGetProperty("refresh_token", out _));
        var token = body.GetProperty("access_token").GetString()!;

        var jwt = new JsonWebToken(token);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(IdentityApp.Issuer, jwt.Issuer);
        Assert.Equal(["review-mechanism"], jwt.Audiences);
        Assert.Equal(IdentityApp.PartnerClientId, jwt.Subject);
        Assert.False(string.IsNullOrEmpty(jwt.Id));

        var response = await api.CallAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(IdentityApp.PartnerClientId, me.GetProperty("sub").GetString());
        Assert.Equal(["Partner"], me.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["AUT"], me.GetProperty("parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("reviews", me.GetProperty("scope").GetString());
        Assert.Equal(IdentityApp.PartnerClientId, me.GetProperty("client_id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CallAsync(token, "/secretariat-only")).StatusCode);
    }

    [Fact]
    public async Task WrongSecretIsRefusedAsInvalidClient()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        var (status, body) = await OidcClient.PostFormAsync(http, "/connect/token",
            new() { ["grant_type"] = "client_credentials" }, (IdentityApp.PartnerClientId, IdentityApp.PartnerSecret + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());

        (status, body) = await OidcClient.PostFormAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = IdentityApp.PartnerClientId, ["client_secret"] = IdentityApp.PartnerSecret,
        });
        Assert.Equal(HttpStatusCode.OK, status); // client_secret_post works too
    }

    [Fact]
    public async Task ScopeOutsideTheClientsOwnIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        // OpenIddict answers a scope outside the client's permissions with invalid_request (its ID2051).
        OidcClient.AssertError(await OidcClient.ClientCredentialsAsync(http, "reviews documents"), "invalid_request");
        OidcClient.AssertError(await OidcClient.ClientCredentialsAsync(http, "reviews nominations profile"), "invalid_request");
        OidcClient.AssertError(await OidcClient.ClientCredentialsAsync(http, "openid"), "invalid_scope");
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.ClientCredentialsAsync(http, "reviews nominations")).Status);
    }

    [Fact]
    public async Task PublicClientCannotUseClientCredentials()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        // A public client has no secret to authenticate with (OpenIddict: invalid_request, ID2057).
        OidcClient.AssertError(await OidcClient.PostFormAsync(http, "/connect/token",
            new() { ["grant_type"] = "client_credentials", ["client_id"] = IdentityApp.WebClientId }), "invalid_request");
    }

    [Fact]
    public async Task GeneratedSecretIsWrittenOnceToTheDataFolderAndOnlyItsHashIsStored()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        var file = Path.Combine(app.DataDirectory, "client-secrets", IdentityApp.GeneratedClientId + ".secret");
        var secret = (await File.ReadAllTextAsync(file)).Trim();
        Assert.True(secret.Length >= 43);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        var (status, _) = await OidcClient.PostFormAsync(http, "/connect/token",
            new() { ["grant_type"] = "client_credentials" }, (IdentityApp.GeneratedClientId, secret));
        Assert.Equal(HttpStatusCode.OK, status);

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<IdentityDb>().Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.Null(stored.Single(c => c.ClientId == IdentityApp.WebClientId).ClientSecret); // public: no secret
        Assert.All(stored.Where(c => c.ClientSecret is not null), c =>
        {
            // OpenIddict's PBKDF2 hash (base64), never the secret itself.
            Assert.True(Convert.FromBase64String(c.ClientSecret!).Length > 32);
            Assert.DoesNotContain(secret, c.ClientSecret);
            Assert.DoesNotContain(IdentityApp.PartnerSecret, c.ClientSecret);
        });

        // A restart on the same database keeps the secret: nothing new is generated or written.
        File.Delete(file);
        await using var restarted = await IdentityApp.StartOnAsync(await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IdentityDb>().Database.GetConnectionString()!)));
        using var again = restarted.Http();
        Assert.False(File.Exists(Path.Combine(restarted.DataDirectory, "client-secrets", IdentityApp.GeneratedClientId + ".secret")));
        (status, _) = await OidcClient.PostFormAsync(again, "/connect/token",
            new() { ["grant_type"] = "client_credentials" }, (IdentityApp.GeneratedClientId, secret));
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
