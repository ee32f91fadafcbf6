using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gateway.Tests.Infrastructure;
using ReviewMechanism.LocalServers;
using Xunit.Abstractions;

namespace Gateway.Tests.Edge;

/// <summary>
/// A partner system: a client_credentials token from the real identity service (through the gateway),
/// then @grpc/grpc-js, an independent gRPC implementation, calling a service through the gateway: unary
/// with metadata both ways, an error status with google.rpc details, server streaming and duplex,
/// statuses and trailers intact; without a token the edge refuses it.
/// Needs node and tests/interop-node's packages (eng/install-test-deps.sh).
/// </summary>
public sealed class PartnerGrpcJsThroughGatewayTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task GrpcJsPartnerCallsThroughTheGatewayWithStatusAndTrailersIntact()
    {
        var httpPort = PortAllocator.GetFreePort();
        var publicUrl = $"http://127.0.0.1:{httpPort}";
        var identity = Track(await IdentityService.StartAsync(publicUrl, output));
        var service = Track(await GrpcServiceBackend.StartAsync(output));
        var issuer = Track(await TestIssuer.StartAsync());
        var gateway = Track(GatewayHost.Start(issuer, new ProxySettings()
            .With("Identity:Authority", identity.Address.ToString())
            .With("Identity:Issuer", publicUrl)
            .With("services:identity:http:0", identity.Address.ToString())
            .With("Gateway:AuthorizationPolicies:partners:Roles:0", "Partner")
            .Route("interop", "/grpc.testing.TestService/{**rest}", "interop", authorizationPolicy: "partners")
            .GrpcCluster("interop", [service.Address.ToString()]), output, httpPort: httpPort));

        using var pages = gateway.Pages();
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "reviews")]),
        };
        tokenRequest.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IdentityService.PartnerClientId}:{IdentityService.PartnerSecret}")));
        using var tokenResponse = await pages.SendAsync(tokenRequest);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        var result = await RunNodeAsync(gateway.GrpcPort, token);

        var unary = result.GetProperty("unary");
        Assert.Equal(0, unary.GetProperty("code").GetInt32());
        Assert.Equal(314, unary.GetProperty("size").GetInt32());
        Assert.StartsWith("bearer:", unary.GetProperty("username").GetString());
        Assert.Equal("partner-initial", unary.GetProperty("initial").GetString());
        Assert.Equal("ababab", unary.GetProperty("trailing").GetString());
        var error = result.GetProperty("error");
        Assert.Equal(9, error.GetProperty("code").GetInt32());
        Assert.Equal("Stage is Drafting", error.GetProperty("details").GetString());
        Assert.True(error.GetProperty("detailsBinBytes").GetInt32() > 0, "grpc-status-details-bin reached grpc-js");
        Assert.Equal([31415, 9, 2653, 58979], result.GetProperty("stream").GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0, result.GetProperty("stream").GetProperty("code").GetInt32());
        Assert.Equal([31415, 9, 2653, 58979], result.GetProperty("chat").GetProperty("received").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0, result.GetProperty("chat").GetProperty("code").GetInt32());
        Assert.Equal(16, result.GetProperty("anonymous").GetProperty("code").GetInt32());
    }

    private async Task<JsonElement> RunNodeAsync(int grpcPort, string token)
    {
        var repo = RepoRoot();
        var modules = Path.Combine(repo, "tests", "interop-node", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "@grpc", "grpc-js")),
            $"@grpc/grpc-js is not installed in {modules}: run eng/install-test-deps.sh.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "node", "partner-client.js"), "--address", $"127.0.0.1:{grpcPort}", "--token", token, "--protos", Path.Combine(repo, "protos") })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["NODE_PATH"] = modules;
        // Loopback calls never go through an HTTP proxy from the environment.
        start.Environment["no_grpc_proxy"] = "*";
        start.Environment.Remove("grpc_proxy");
        start.Environment.Remove("http_proxy");
        start.Environment.Remove("https_proxy");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(await stderr);
        var text = await stdout;
        output.WriteLine(text);
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mechanism.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Mechanism.sln not found above " + AppContext.BaseDirectory);
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }
}
