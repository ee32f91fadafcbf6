using System.Diagnostics;
using System.Globalization;
using System.Net;
using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using StackExchange.Redis;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.ProxyWire;

namespace Gateway.Tests.Edge;

/// <summary>
/// Revocation that takes effect (CONTRACTS.md): keys written in a real redis-server exactly as the identity
/// service writes them (SET revoked:jti:&lt;jti&gt; 1 PXAT &lt;exp ms&gt;, SET revoked:sub:&lt;sub&gt; &lt;unix s&gt; EX ..., then
/// PUBLISH revocations &lt;key&gt;), real RS256 tokens, the real gateway.
/// </summary>
public sealed class RevocationTests(RedisFixture redis, ITestOutputHelper output) : ForwardingTestBase(output), IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    private async Task<GatewayHost> StartAsync(string name = "gateway")
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            SetStatusTrailers(context, 0);
        });
        var pages = await BackendAsync(context => context.Response.WriteAsync("private page"), "pages", HttpProtocols.Http1);
        return Gateway(new ProxySettings()
            .Route("echo", "/test.v1.EchoService/{**rest}", "echo", authorizationPolicy: "default")
            .GrpcCluster("echo", [backend.Address.ToString()])
            .Route("private", "/private/{**rest}", "private", authorizationPolicy: "default")
            .Cluster("private", [pages.Address.ToString()])
            .With("Gateway:Revocation:Enabled", "true")
            .With("ConnectionStrings:redis", redis.Server.ConnectionString), name);
    }

    private static async Task<HttpResponseMessage> CallAsync(GatewayHost gateway, string token)
    {
        using var client = gateway.Grpc();
        var response = await SendAsync(client, Call(EchoPath, [1], token));
        await response.Content.ReadAsByteArrayAsync();
        return response;
    }

    private async Task<IDatabase> IdentitySideAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        Track(connection);
        return connection.GetDatabase();
    }

    /// <summary>What identity does when an access token is revoked: the key until the token's exp, then the message.</summary>
    private static async Task RevokeTokenAsync(IDatabase database, string token, bool publish = true)
    {
        var jwt = new JsonWebToken(token);
        var key = $"revoked:jti:{jwt.Id}";
        await database.ExecuteAsync("SET", key, "1", "PXAT", new DateTimeOffset(jwt.ValidTo).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        if (publish)
        {
            await database.PublishAsync(RedisChannel.Literal("revocations"), key);
        }
    }

    /// <summary>What identity does when the Secretariat disables an account: the instant, kept longer than any access token lives.</summary>
    private static async Task DisableSubjectAsync(IDatabase database, string sub, long unixSeconds)
    {
        var key = $"revoked:sub:{sub}";
        await database.StringSetAsync(key, unixSeconds.ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(600 + 120));
        await database.PublishAsync(RedisChannel.Literal("revocations"), key);
    }

    /// <summary>Calls every 100 ms until the gateway refuses the token; returns how long that took.</summary>
    private static async Task<(TimeSpan Elapsed, HttpResponseMessage Refusal)> UntilRefusedAsync(GatewayHost gateway, string token)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await CallAsync(gateway, token);
            if (Value(response.Headers, "grpc-status") == "16")
            {
                return (clock.Elapsed, response);
            }
            Assert.Equal("0", GrpcStatus(response));
            Assert.True(clock.Elapsed < Promise + TimeSpan.FromSeconds(5), "the revoked token was still accepted 10 s later");
            response.Dispose();
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task RevokedAccessTokenIsRefusedWithinFiveSecondsEvenOnceCached()
    {
        var gateway = await StartAsync();
        var database = await IdentitySideAsync();
        var token = Issuer.Token(sub: "focal-point-aut");
        var other = Issuer.Token(sub: "focal-point-aut");
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, token)));   // validated once: now in the token cache

        await RevokeTokenAsync(database, token);
        var (elapsed, refusal) = await UntilRefusedAsync(gateway, token);

        Output.WriteLine($"refused {elapsed.TotalMilliseconds:0} ms after the PUBLISH");
        Assert.True(elapsed < Promise, $"refused only after {elapsed}");
        Assert.Equal(HttpStatusCode.OK, refusal.StatusCode);
        Assert.Equal("The access token was refused: token revoked.", Uri.UnescapeDataString(Value(refusal.Headers, "grpc-message")!));
        // Another token of the same person (another jti) is not affected.
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, other)));
    }

    [Fact]
    public async Task EveryTokenOfADisabledAccountIsRefusedButTokensIssuedAfterPass()
    {
        var gateway = await StartAsync();
        var database = await IdentitySideAsync();
        var issued = DateTime.UtcNow.AddSeconds(-30);
        var first = Issuer.Token(sub: "expert-fra", issuedAt: issued);
        var second = Issuer.Token(sub: "expert-fra", issuedAt: issued.AddSeconds(10));
        var someoneElse = Issuer.Token(sub: "expert-deu", issuedAt: issued);
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, first)));

        var disabledAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await DisableSubjectAsync(database, "expert-fra", disabledAt);
        var (elapsed, _) = await UntilRefusedAsync(gateway, first);

        Assert.True(elapsed < Promise, $"refused only after {elapsed}");
        Assert.Equal("16", Value((await CallAsync(gateway, second)).Headers, "grpc-status"));
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, someoneElse)));
        // Re-enabled and signed in again: a token issued after the instant passes.
        var later = Issuer.Token(sub: "expert-fra", issuedAt: DateTimeOffset.FromUnixTimeSeconds(disabledAt + 1).UtcDateTime);
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, later)));
    }

    [Fact]
    public async Task KeysWrittenBeforeTheGatewayStartedAreRefusedFromTheFirstCall()
    {
        var database = await IdentitySideAsync();
        var token = Issuer.Token(sub: "partner-before");
        await RevokeTokenAsync(database, token, publish: false);
        await database.StringSetAsync("revoked:sub:disabled-before", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), TimeSpan.FromMinutes(12));

        var gateway = await StartAsync();

        Assert.Equal("16", Value((await CallAsync(gateway, token)).Headers, "grpc-status"));
        Assert.Equal("16", Value((await CallAsync(gateway, Issuer.Token(sub: "disabled-before", issuedAt: DateTime.UtcNow.AddMinutes(-1)))).Headers, "grpc-status"));
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, Issuer.Token(sub: "partner-before"))));
    }

    [Fact]
    public async Task AKeyWhoseMessageWasLostIsLearnedWhenTheConnectionComesBack()
    {
        var gateway = await StartAsync();
        var database = await IdentitySideAsync();
        var token = Issuer.Token(sub: "partner-reconnect");
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, token)));

        // Written while the subscription was down (so no message reaches the gateway), then its connections drop
        // and come back: the reload on reconnection finds the key (the periodic one is 30 s away).
        await RevokeTokenAsync(database, token, publish: false);
        await Task.Delay(300);
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, token)));
        var clock = Stopwatch.StartNew();
        using (var admin = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true"))
        {
            var server = admin.GetServer(admin.GetEndPoints()[0]);
            foreach (var client in (await server.ClientListAsync()).Where(c => c.Name == "gateway"))
            {
                await server.ClientKillAsync(client.Address!);
            }
        }
        var (elapsed, _) = await UntilRefusedAsync(gateway, token);

        Output.WriteLine($"refused {clock.Elapsed.TotalMilliseconds:0} ms after the connections were killed");
        Assert.True(elapsed < Promise, $"refused only after {elapsed}");
    }

    [Fact]
    public async Task RevokedTokenOnABrowserPathGets401SayingSo()
    {
        var gateway = await StartAsync();
        var database = await IdentitySideAsync();
        var token = Issuer.Token(sub: "secretariat-officer");
        await RevokeTokenAsync(database, token);
        await UntilRefusedAsync(gateway, token);

        using var client = gateway.Pages();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private/report");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error_description=\"token revoked\"", response.Headers.WwwAuthenticate.ToString());
    }
}
