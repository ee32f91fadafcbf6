using System.Net;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.ReverseProxy.Forwarder;

namespace Gateway.Tests.Unit;

public sealed class HttpTransformerTests
{
    private static async Task<HttpRequestMessage> TransformAsync(Action<HttpRequest> arrange)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("gateway.test", 8080);
        context.Request.Path = "/pkg.Service/Method";
        context.Request.Protocol = "HTTP/1.1";
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:198.51.100.4");
        arrange(context.Request);
        var proxyRequest = new HttpRequestMessage { Content = new ByteArrayContent([]) };
        await HttpTransformer.Default.TransformRequestAsync(context, proxyRequest, "http://backend:5000/", CancellationToken.None);
        return proxyRequest;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values)
        : request.Content!.Headers.NonValidated.TryGetValues(name, out var content) ? string.Join(", ", content) : null;

    [Fact]
    public async Task HeadersNamedByConnectionAreNotForwarded()
    {
        var request = await TransformAsync(r =>
        {
            r.Headers.Connection = "keep-alive, X-Per-Hop";
            r.Headers["X-Per-Hop"] = "secret";
            r.Headers["X-End-To-End"] = "kept";
        });

        Assert.Null(Header(request, "X-Per-Hop"));
        Assert.Null(Header(request, "Connection"));
        Assert.Equal("kept", Header(request, "X-End-To-End"));
    }

    [Fact]
    public async Task TeIsKeptOnlyAsTrailers()
    {
        Assert.Equal("trailers", Header(await TransformAsync(r => r.Headers.TE = "trailers"), "TE"));
        Assert.Null(Header(await TransformAsync(r => r.Headers.TE = "gzip, deflate"), "TE"));
        Assert.Equal("trailers", Header(await TransformAsync(r => r.Headers.TE = "gzip;q=0.5, trailers"), "TE"));
    }

    [Fact]
    public async Task ForwardedHeadersAreReplacedAndContentHeadersGoToTheContent()
    {
        var request = await TransformAsync(r =>
        {
            r.Headers["X-Forwarded-For"] = "203.0.113.9";
            r.Headers["X-Forwarded-Host"] = "evil.example";
            r.Headers.ContentType = "application/grpc";
            r.Headers["Proxy-Anything"] = "x";
        });

        Assert.Equal("198.51.100.4", Header(request, "X-Forwarded-For"));
        Assert.Equal("gateway.test:8080", Header(request, "X-Forwarded-Host"));
        Assert.Equal("http", Header(request, "X-Forwarded-Proto"));
        Assert.Equal("application/grpc", request.Content!.Headers.ContentType?.ToString());
        Assert.Null(Header(request, "Proxy-Anything"));
        Assert.Equal(new Uri("http://backend:5000/pkg.Service/Method"), request.RequestUri);
    }
}
