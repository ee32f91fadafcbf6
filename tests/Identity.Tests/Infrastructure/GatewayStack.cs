using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ReviewMechanism.LocalServers;
using ReviewMechanism.Testing.V1;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// The edge as a partner or a browser meets it: the identity service (issuer = the gateway's public URL; revocations
/// written to a real redis-server; AccountsService on an h2c port), the real gateway in front of it (reading the
/// revocation list from that Redis), and a service behind the gateway that validates tokens as every service does
/// (<see cref="ValidatingApp"/>: <c>/whoami</c> over HTTP/1.1, ProbeService over gRPC).
/// </summary>
public sealed class GatewayStack : IAsyncDisposable
{
    private readonly GrpcChannel _channel;

    private GatewayStack(IdentityApp identity, ValidatingApp service, GatewayService gateway)
    {
        Identity = identity;
        Service = service;
        Gateway = gateway;
        _channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
    }

    public IdentityApp Identity { get; }

    public ValidatingApp Service { get; }

    public GatewayService Gateway { get; }

    /// <summary>The public URL: the issuer of the tokens, and where clients send every request.</summary>
    public string Issuer => Gateway.PublicUrl;

    /// <summary>gRPC through the gateway's h2c port.</summary>
    public CallInvoker Grpc => _channel.CreateCallInvoker();

    public static async Task<GatewayStack> StartAsync(PostgresFixture postgres, RedisServer redis, Dictionary<string, string?>? identitySettings = null)
    {
        var publicPort = PortAllocator.GetFreePort();
        var publicUrl = $"http://127.0.0.1:{publicPort}";
        var (identityHttp, identityGrpc) = (PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        var settings = new Dictionary<string, string?>(identitySettings ?? [])
        {
            ["Identity:Issuer"] = publicUrl,
            ["ConnectionStrings:redis"] = redis.ConnectionString,
        };
        var identity = await IdentityApp.StartAsync(postgres, settings, kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, identityHttp);
            kestrel.Listen(IPAddress.Loopback, identityGrpc, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var service = await ValidatingApp.StartAsync(identity.Address, publicUrl);
        var gateway = GatewayService.Start(publicPort, identity, publicUrl,
            new Dictionary<string, Uri> { ["/whoami"] = service.Address },
            redis.ConnectionString,
            new Dictionary<string, Uri> { ["/reviewmechanism.testing.v1.ProbeService/{**rest}"] = service.GrpcAddress },
            new Uri($"http://127.0.0.1:{identityGrpc}"));
        return new GatewayStack(identity, service, gateway);
    }

    /// <summary>An HTTP client on the public URL (no cookies, redirects not followed).</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Issuer) };

    /// <summary>A browser on the public URL: keeps cookies, shows each redirect.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(Issuer) };

    public static Metadata Bearer(string accessToken) => new() { { "authorization", $"Bearer {accessToken}" } };

    /// <summary>ProbeService.Echo through the gateway: the service answers with the caller it read from the token.</summary>
    public async Task<EchoReply> EchoAsync(string accessToken) =>
        await new ProbeService.ProbeServiceClient(Grpc).EchoAsync(new EchoRequest { Text = "hello" }, Bearer(accessToken), DateTime.UtcNow.AddSeconds(30));

    /// <summary>A person signs in with the code flow + PKCE, every request through the gateway; returns the token response.</summary>
    public async Task<JsonElement> SignInAsync(string email, string password)
    {
        using var browser = Browser();
        var (verifier, challenge) = OidcClient.NewPkce();
        var callback = await OidcClient.SignInAsync(browser, OidcClient.AuthorizeUrl(challenge), email, password);
        var (status, body) = await OidcClient.RedeemCodeAsync(browser, callback["code"], verifier);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>
    /// Calls Echo through the gateway every 50 ms until it is refused (UNAUTHENTICATED; any other failure fails the
    /// test); returns the refusal and when it came.
    /// </summary>
    public async Task<(RpcException Refusal, TimeSpan At)> UntilRefusedAsync(string accessToken, Stopwatch since, TimeSpan giveUpAfter)
    {
        while (true)
        {
            try
            {
                await EchoAsync(accessToken);
            }
            catch (RpcException refusal) when (refusal.StatusCode == StatusCode.Unauthenticated)
            {
                return (refusal, since.Elapsed);
            }
            Assert.True(since.Elapsed < giveUpAfter, $"the token was still accepted {since.Elapsed.TotalSeconds:0.0} s later");
            await Task.Delay(50);
        }
    }

    /// <summary>Calls the service's /whoami through the gateway, which validates the token at the edge first.</summary>
    public async Task<JsonElement> WhoAmIAsync(string accessToken)
    {
        using var http = Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/whoami through the gateway: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Gateway.DisposeAsync();
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
