using System.Net;
using System.Text.Json;
using Identity.Api.OpenIdConnect.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Validation;
using Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class KeyRotationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TokenSignedByARetiredKeyValidatesUntilTheKeyIsRemoved()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();
        var keys = app.Services.GetRequiredService<ServerKeyRing>();

        var before = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;
        var oldKid = new JsonWebToken(before).Kid;

        // A day before the rotation is due, the next key is published but does not sign yet.
        app.Clock.Advance(TimeSpan.FromDays(29) + TimeSpan.FromMinutes(1));
        await keys.MaintainAsync();
        var published = await PublishedKidsAsync(http);
        Assert.Equal(2, published.Count);
        var newKid = published.Single(k => k != oldKid);
        Assert.Equal(oldKid, new JsonWebToken((await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!).Kid);

        // It activates after the pre-publication day; the old key is retired but stays published.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await keys.MaintainAsync();
        var after = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;
        Assert.Equal(newKid, new JsonWebToken(after).Kid);
        Assert.Equal(new[] { oldKid, newKid }.Order(), (await PublishedKidsAsync(http)).Order());

        await using (var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer))
        {
            Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(before)).StatusCode); // retired, still published
            Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(after)).StatusCode);
        }

        // Still published while its tokens may be valid (access token lifetime, plus one check interval of margin)...
        app.Clock.Advance(TimeSpan.FromMinutes(19));
        await keys.MaintainAsync();
        Assert.Equal(new[] { oldKid, newKid }.Order(), (await PublishedKidsAsync(http)).Order());
        // ...then it leaves the JWKS.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await keys.MaintainAsync();
        Assert.Equal([newKid], await PublishedKidsAsync(http));
        await using (var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer))
        {
            // 'before' has not expired on the validator's (real) clock: only the key's removal refuses it.
            var refused = await api.CallAsync(before);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("signature key was not found", refused.Headers.WwwAuthenticate.ToString());
            Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(after)).StatusCode);
        }
    }

    [Fact]
    public async Task RunningValidatorAcceptsTheNextKeyBecauseItWasPublishedBeforeItSigns()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();
        var keys = app.Services.GetRequiredService<ServerKeyRing>();
        var localValidation = app.Services.GetRequiredService<IOptionsMonitor<OpenIddictValidationOptions>>();
        var keysAtStart = localValidation.CurrentValue.Configuration!.SigningKeys.Select(k => k.KeyId).ToList();
        app.Clock.Advance(TimeSpan.FromDays(29) + TimeSpan.FromMinutes(1));
        await keys.MaintainAsync(); // next key scheduled and published

        // The validator loads the metadata now and keeps it (JwtBearer refreshes every 12 hours).
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync((await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await keys.MaintainAsync();
        var signedByNewKey = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(signedByNewKey)).StatusCode);

        // Identity's own validation (the accounts API), built before the rotation, was rebuilt with the new key too.
        var newKid = new JsonWebToken(signedByNewKey).Kid;
        Assert.DoesNotContain(newKid, keysAtStart);
        Assert.Contains(newKid, localValidation.CurrentValue.Configuration!.SigningKeys.Select(k => k.KeyId));
    }

    [Fact]
    public async Task KeysAreStoredProtectedAndSurviveARestart()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        List<string> kids;
        string accessToken, refreshToken;
        await using (var first = await IdentityApp.StartOnAsync(connectionString))
        {
            using var http = first.Http();
            kids = await PublishedKidsAsync(http);
            accessToken = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;
            await first.CreateApprovedPersonAsync("fp@example.org", "correct horse battery staple");
            refreshToken = (await OidcClient.GetUserTokensAsync(first, "fp@example.org", "correct horse battery staple")).GetProperty("refresh_token").GetString()!;
            var stored = await first.WithScopeAsync(sp => sp.GetRequiredService<Identity.Api.Data.IdentityDb>().ServerKeys.AsNoTracking().ToListAsync());
            Assert.Equal([ServerKeyUses.Encryption, ServerKeyUses.Signing], stored.Select(k => k.Use).Order());
            Assert.Equal(kids.Single(), stored.Single(k => k.Use == ServerKeyUses.Signing).KeyId);
            Assert.All(stored, k => Assert.StartsWith("CfDJ8", k.ProtectedKey)); // Data Protection payloads, not raw key material
        }

        await using var second = await IdentityApp.StartOnAsync(connectionString);
        using var again = second.Http();
        Assert.Equal(kids, await PublishedKidsAsync(again));
        Assert.Equal(kids.Single(), new JsonWebToken((await OidcClient.ClientCredentialsAsync(again)).Body.GetProperty("access_token").GetString()!).Kid);
        await using var api = await ValidatingApp.StartAsync(second.Address, IdentityApp.Issuer);
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(accessToken)).StatusCode);
        // The refresh token is encrypted with the stored encryption key: it still works after the restart.
        var (status, body) = await OidcClient.RefreshAsync(again, refreshToken);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    private static async Task<List<string>> PublishedKidsAsync(HttpClient http)
    {
        var jwks = JsonDocument.Parse(await http.GetStringAsync("/.well-known/jwks")).RootElement;
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
