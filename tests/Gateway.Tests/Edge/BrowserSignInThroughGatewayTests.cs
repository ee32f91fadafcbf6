using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Tests.Infrastructure;
using Grpc.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.LocalServers;
using Xunit.Abstractions;

namespace Gateway.Tests.Edge;

/// <summary>
/// A person signs in with the standard authorization-code + PKCE flow in real Chromium, entirely through
/// the gateway (authorize, the login page, the redirect to the web front end's callback), the code is
/// exchanged at the gateway's token endpoint, and the access token carries a gRPC call through the gateway.
/// </summary>
public sealed class BrowserSignInThroughGatewayTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _resources = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _resources.Reverse();
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }
    }

    [Fact]
    public async Task FocalPointSignsInWithPkceInChromiumAndCallsAServiceWithTheToken()
    {
        var httpPort = PortAllocator.GetFreePort();
        var publicUrl = $"http://127.0.0.1:{httpPort}";
        var expectedIssuer = new Uri(publicUrl).AbsoluteUri; // OpenIddict writes the issuer as an absolute URI: with its trailing '/'
        var callback = $"{publicUrl}/signin-callback";
        // The web front end's callback page, reached through the gateway's pages route.
        var web = Track(await RawBackend.StartAsync(output, "web", HttpProtocols.Http1, context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync($"<html><body><h1 id=\"done\">Signed in</h1><p id=\"query\">{System.Net.WebUtility.HtmlEncode(context.Request.QueryString.Value)}</p></body></html>");
        }));
        var identity = Track(await IdentityService.StartAsync(publicUrl, output, webRedirectUri: callback));
        var userId = await identity.CreateApprovedFocalPointAsync("maria.focal@justice.example", "correct horse battery staple 42");
        var service = Track(await GrpcServiceBackend.StartAsync(output));
        var issuer = Track(await TestIssuer.StartAsync());
        var gateway = Track(GatewayHost.Start(issuer, new ProxySettings()
            .With("Identity:Authority", identity.Address.ToString())
            .With("Identity:Issuer", publicUrl)
            .With("services:identity:http:0", identity.Address.ToString())
            .With("services:web:http:0", web.Address.ToString())
            .With("Gateway:AuthorizationPolicies:reviews-callers:Scopes:0", "reviews")
            .Route("interop", "/grpc.testing.TestService/{**rest}", "interop", authorizationPolicy: "reviews-callers")
            .GrpcCluster("interop", [service.Address.ToString()]), output, httpPort: httpPort));

        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var authorize = QueryHelpers.AddQueryString($"{publicUrl}/connect/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = IdentityService.WebClientId,
            ["redirect_uri"] = callback,
            ["scope"] = "openid profile reviews",
            ["state"] = state,
            ["nonce"] = Base64Url(RandomNumberGenerator.GetBytes(16)),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

        string callbackUrl;
        using (var browser = StartChromium())
        {
            browser.Navigate().GoToUrl(authorize);
            var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(browser, TimeSpan.FromSeconds(20));
            wait.Until(d => d.Url.Contains("/Account/Login", StringComparison.Ordinal));
            Assert.StartsWith(publicUrl, browser.Url);
            browser.FindElement(By.Name("Email")).SendKeys("maria.focal@justice.example");
            browser.FindElement(By.Name("Password")).SendKeys("correct horse battery staple 42");
            browser.FindElement(By.CssSelector("button[type=submit]")).Click();
            wait.Until(d => d.Url.StartsWith(callback, StringComparison.Ordinal));
            Assert.Equal("Signed in", browser.FindElement(By.Id("done")).Text);
            callbackUrl = browser.Url;
        }

        var query = QueryHelpers.ParseQuery(new Uri(callbackUrl).Query);
        Assert.Equal(state, query["state"].ToString());
        Assert.Equal(expectedIssuer, query["iss"].ToString());
        using var pages = gateway.Pages();
        using var tokenResponse = await pages.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = callback,
            ["client_id"] = IdentityService.WebClientId,
            ["code_verifier"] = verifier,
        }));
        var body = await tokenResponse.Content.ReadAsStringAsync();
        Assert.True(tokenResponse.IsSuccessStatusCode, body);
        var accessToken = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(accessToken);
        Assert.Equal(userId, jwt.Subject);
        Assert.Equal(expectedIssuer, jwt.Issuer);

        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions());
        var client = new TestService.TestServiceClient(channel);
        var reply = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 3 },
            new CallOptions(new Metadata { { "authorization", $"Bearer {accessToken}" } })).ResponseAsync;
        Assert.Equal(3, reply.Payload.Body.Length);
        Assert.StartsWith("bearer:", reply.Username);
    }

    private static ChromeDriver StartChromium()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage");
        var driverService = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        driverService.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(driverService, options, TimeSpan.FromSeconds(60));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }
}
