using System.Net;
using System.Text.Json;
using Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AuthorizationCodeTests(PostgresFixture postgres)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task CodeFlowWithS256GivesTokensThatValidateAsAccessAndIdentityTokens()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var userId = await app.CreateApprovedPersonAsync("fp.austria@example.org", Password, party: "AUT");
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        using var browser = app.Browser();

        var (verifier, challenge) = OidcClient.NewPkce();
        var callback = await OidcClient.SignInAsync(browser, OidcClient.AuthorizeUrl(challenge, state: "xyz", nonce: "n-0S6"), "fp.austria@example.org", Password);
        Assert.Equal("xyz", callback["state"]);
        Assert.Equal(IdentityApp.Issuer, callback["iss"]);

        var (status, body) = await OidcClient.RedeemCodeAsync(browser, callback["code"], verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));

        // The access token works at a separate resource server that only knows the discovery URL.
        var response = await api.CallAsync(body.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(userId, me.GetProperty("sub").GetString());
        Assert.Equal(["FocalPoint"], me.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["AUT"], me.GetProperty("parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(IdentityApp.WebClientId, me.GetProperty("client_id").GetString());

        // The ID token validates with Microsoft's OIDC configuration retriever, for the client as audience.
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(app.Address, "/.well-known/openid-configuration").ToString(), new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false });
        var configuration = await manager.GetConfigurationAsync(CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer, ValidAudience = IdentityApp.WebClientId, IssuerSigningKeys = configuration.SigningKeys,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("n-0S6", result.Claims["nonce"]);
        Assert.Equal(userId, result.Claims["sub"]);
    }

    [Fact]
    public async Task PlainChallengeMethodIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var browser = app.Browser();
        var (verifier, _) = OidcClient.NewPkce();

        // OpenIddict refuses the request before it trusts the redirect URI: an error page, no redirect, no code.
        var response = await browser.GetAsync(OidcClient.AuthorizeUrl(verifier, method: "plain"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("error:invalid_request", page);
        Assert.Contains("code_challenge_method", page);

        var missing = await browser.GetAsync(OidcClient.AuthorizeUrl(verifier, method: ""));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("code_challenge_method", await missing.Content.ReadAsStringAsync());

        var none = await browser.GetAsync(OidcClient.AuthorizeUrl("", method: ""));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("code_challenge", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongVerifierIsRefusedAndTheCodeCannotBeRetried()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var browser = app.Browser();
        var (verifier, challenge) = OidcClient.NewPkce();
        var callback = await OidcClient.SignInAsync(browser, OidcClient.AuthorizeUrl(challenge), "fp@example.org", Password);

        var (other, _) = OidcClient.NewPkce();
        var (status, body) = await OidcClient.RedeemCodeAsync(browser, callback["code"], other);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        (status, body) = await OidcClient.RedeemCodeAsync(browser, callback["code"], verifier);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ReplayedCodeIsRefusedAndRevokesTheTokensItGave()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var browser = app.Browser();
        var (verifier, challenge) = OidcClient.NewPkce();
        var callback = await OidcClient.SignInAsync(browser, OidcClient.AuthorizeUrl(challenge), "fp@example.org", Password);
        var (_, first) = await OidcClient.RedeemCodeAsync(browser, callback["code"], verifier);

        var (status, body) = await OidcClient.RedeemCodeAsync(browser, callback["code"], verifier);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        var (refreshStatus, _) = await OidcClient.RefreshAsync(browser, first.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
    }

    [Fact]
    public async Task UnregisteredRedirectUriIsShownAsAnErrorAndNeverRedirected()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var browser = app.Browser();
        var (_, challenge) = OidcClient.NewPkce();

        var response = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge, redirectUri: "https://attacker.example/cb"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("The specified 'redirect_uri' is not valid for this client application.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EndSessionSignsOutAndReturnsOnlyToARegisteredAddress()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var browser = app.Browser();
        var (_, challenge) = OidcClient.NewPkce();
        await OidcClient.SignInAsync(browser, OidcClient.AuthorizeUrl(challenge), "fp@example.org", Password);
        var silent = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge) + "&prompt=none");
        Assert.Contains("code=", silent.Headers.Location!.ToString()); // signed in: a code without the login page

        var elsewhere = await browser.GetAsync("/connect/endsession?client_id=web&post_logout_redirect_uri=" + Uri.EscapeDataString("https://attacker.example/"));
        Assert.DoesNotContain("attacker.example", elsewhere.Headers.Location?.ToString() ?? await elsewhere.Content.ReadAsStringAsync());

        var signedOut = await browser.GetAsync("/connect/endsession?client_id=web&state=s1&post_logout_redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:9/"));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("http://127.0.0.1:9/?state=s1", signedOut.Headers.Location!.ToString());
        var afterwards = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge) + "&prompt=none");
        var location = afterwards.Headers.Location!.ToString();
        Assert.StartsWith(IdentityApp.WebRedirectUri, location);
        Assert.Contains("error=login_required", location);
        Assert.DoesNotContain("code=", location);
    }

    [Fact]
    public async Task ClientThatIsNotFirstPartyCannotSignPeopleIn()
    {
        await using var app = await IdentityApp.StartAsync(postgres, new()
        {
            ["Identity:Clients:3:ClientId"] = "third-party",
            ["Identity:Clients:3:Type"] = "public",
            ["Identity:Clients:3:RedirectUris:0"] = "http://127.0.0.1:9/third",
            ["Identity:Clients:3:GrantTypes:0"] = "authorization_code",
            ["Identity:Clients:3:Scopes:0"] = "openid",
            ["Identity:Clients:3:Scopes:1"] = "reviews",
        });
        using var browser = app.Browser();
        var (_, challenge) = OidcClient.NewPkce();
        // Refused before any sign-in is asked for: there is no consent page.
        var refused = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge, scope: "openid reviews", clientId: "third-party", redirectUri: "http://127.0.0.1:9/third"));
        var location = refused.Headers.Location!.ToString();
        Assert.StartsWith("http://127.0.0.1:9/third?", location);
        Assert.Contains("error=unauthorized_client", location);
        Assert.DoesNotContain("code=", location);
    }

    [Fact]
    public async Task LoginFormWithoutAntiforgeryTokenIsRejected()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp@example.org", Password);
        using var browser = app.Browser();

        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "fp@example.org", ["Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("__mechanism_signin"));
    }
}
