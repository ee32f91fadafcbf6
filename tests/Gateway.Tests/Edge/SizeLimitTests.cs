using System.Net;
using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.ProxyWire;

namespace Gateway.Tests.Edge;

public sealed class SizeLimitTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    private async Task<RawBackend> CountingGrpcBackendAsync() => await BackendAsync(async context =>
    {
        var total = (await ReadBodyAsync(context)).Length;
        StartGrpcResponse(context);
        await WriteAsync(context, BitConverter.GetBytes(total));
        SetStatusTrailers(context, 0);
    });

    [Fact]
    public async Task GrpcBodyOverTheRouteLimitIsRefusedWithResourceExhausted()
    {
        var backend = await CountingGrpcBackendAsync();
        var gateway = EchoGateway(backend, configure: s => s.With("ReverseProxy:Routes:echo:MaxRequestBodySize", "4096"));

        using var client = gateway.Grpc();
        var content = new StreamingContent();
        var call = SendAsync(client, Request(EchoPath, content));
        for (var i = 0; i < 5; i++)
        {
            content.Send(new byte[1000]);
        }
        content.Complete();
        using var response = await call;

        Assert.Equal("8", Value(response.Headers, "grpc-status"));
        Assert.Equal("The request body is larger than the limit of 4096 bytes.", Uri.UnescapeDataString(Value(response.Headers, "grpc-message")!));
        Assert.Equal(EchoPath, Refusal(response, "REQUEST_TOO_LARGE").Info.Metadata["method"]);
    }

    [Fact]
    public async Task PageBodyOverTheRouteLimitGets413WithoutReachingTheBackend()
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            await context.Response.WriteAsync("stored");
        }, protocols: HttpProtocols.Http1);
        var gateway = Gateway(new ProxySettings().Route("page", "/pages/{**rest}", "pages", maxBodySize: 1000).Cluster("pages", [backend.Address.ToString()]));
        using var client = gateway.Pages();

        using var small = await client.PostAsync("/pages/small", new ByteArrayContent(new byte[1000]));
        using var declared = await client.PostAsync("/pages/declared", new ByteArrayContent(new byte[1001]));
        using var chunked = await client.PostAsync("/pages/chunked", new StreamContent(new MemoryStream(new byte[5000])) { Headers = { ContentLength = null } });

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("The request body of 1001 bytes is larger than the limit of 1000 bytes.\n", await declared.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("The request body is larger than the limit of 1000 bytes.\n", await chunked.Content.ReadAsStringAsync());
        // The declared one never reached the backend (refused on its Content-Length); the chunked one is
        // counted as it streams, so at most its headers and first bytes could have.
        Assert.Contains(backend.Requests, r => r.Path == "/pages/small");
        Assert.DoesNotContain(backend.Requests, r => r.Path == "/pages/declared");
    }
}
