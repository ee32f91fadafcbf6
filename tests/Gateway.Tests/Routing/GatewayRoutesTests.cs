using System.Net;
using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.ProxyWire;

namespace Gateway.Tests.Routing;

/// <summary>The routes of the gateway's appsettings.json, with destinations from Aspire-style service addresses.</summary>
public sealed class GatewayRoutesTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    private static readonly string[] Services = ["reviews", "nominations", "documents", "engagement", "reporting"];

    [Fact]
    public async Task EachServicePrefixReachesItsOwnService()
    {
        var settings = new ProxySettings();
        foreach (var service in Services)
        {
            var backend = await BackendAsync(async context =>
            {
                await ReadBodyAsync(context);
                StartGrpcResponse(context);
                SetStatusTrailers(context, 0);
                context.Response.AppendTrailer("x-served-by", service);
            }, service);
            settings.With($"services:{service}:grpc:0", backend.Address.ToString());
        }
        var gateway = Gateway(settings);
        using var client = gateway.Grpc();

        foreach (var service in Services)
        {
            var serviceName = char.ToUpperInvariant(service[0]) + service[1..] + "Service";
            using var response = await SendAsync(client, Call($"/reviewmechanism.{service}.v1.{serviceName}/AnyMethod", [1], Issuer.Token()));
            await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(service, Value(response.TrailingHeaders, "x-served-by"));
        }
    }

    [Fact]
    public async Task EachServiceRouteNeedsItsOwnScope()
    {
        var settings = new ProxySettings();
        foreach (var service in Services)
        {
            var backend = await BackendAsync(async context =>
            {
                await ReadBodyAsync(context);
                StartGrpcResponse(context);
                SetStatusTrailers(context, 0);
            }, service);
            settings.With($"services:{service}:grpc:0", backend.Address.ToString());
        }
        var gateway = Gateway(settings);
        using var client = gateway.Grpc();
        var reviewsOnly = Issuer.Token(scope: "reviews");

        using var reviews = await SendAsync(client, Call("/reviewmechanism.reviews.v1.ReviewsService/GetCountryReview", [1], reviewsOnly));
        using var nominations = await SendAsync(client, Call("/reviewmechanism.nominations.v1.NominationsService/Nominate", [1], reviewsOnly));

        Assert.Equal("0", GrpcStatus(reviews));
        Assert.Equal("7", Value(nominations.Headers, "grpc-status"));
    }

    [Fact]
    public async Task PublicCountryProfilesNeedNoTokenWhileTheDocumentsServiceDoes()
    {
        var documents = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            SetStatusTrailers(context, 0);
        }, "documents");
        var gateway = Gateway(new ProxySettings().With("services:documents:grpc:0", documents.Address.ToString()));
        using var client = gateway.Grpc();

        using var profiles = await SendAsync(client, Call("/reviewmechanism.documents.v1.CountryProfilesService/ListCountryProfiles", [1]));
        using var drafts = await SendAsync(client, Call("/reviewmechanism.documents.v1.DocumentsService/GetDocument", [1]));

        Assert.Equal("0", GrpcStatus(profiles));
        Assert.Equal("16", Value(drafts.Headers, "grpc-status"));
        Assert.Single(documents.Requests);
    }

    [Fact]
    public async Task UnknownGrpcServiceIsUnimplementedAndPagesGoToTheWebFrontEnd()
    {
        var web = await BackendAsync(context => context.Response.WriteAsync($"web {context.Request.Path}"), "web", Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1);
        var gateway = Gateway(new ProxySettings().With("services:web:http:0", web.Address.ToString()));

        using var grpc = gateway.Grpc();
        using var unknown = await SendAsync(grpc, Call("/other.v1.UnknownService/Call", [1]));
        // Not a gRPC method's shape: past the gRPC endpoints to the pages' catch-all route, whose cluster is HTTP/1.1.
        using var onPages = await SendAsync(grpc, Call("/reviews/AUT/report", [1]));
        using var pages = gateway.Pages();
        var page = await pages.GetStringAsync("/reviews/AUT?cycle=2");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(("12", "No gRPC service is routed at /other.v1.UnknownService/Call."), (Value(unknown.Headers, "grpc-status"), GrpcMessage(unknown)));
        Assert.Equal("/other.v1.UnknownService/Call", Refusal(unknown, "NOT_ROUTED").Info.Metadata["method"]);
        Assert.Equal(("12", "No gRPC service is routed at /reviews/AUT/report."), (Value(onPages.Headers, "grpc-status"), GrpcMessage(onPages)));
        Assert.Equal("/reviews/AUT/report", Refusal(onPages, "NOT_ROUTED").Info.Metadata["method"]);
        Assert.Equal("web /reviews/AUT", page);
        Assert.Equal("/reviews/AUT?cycle=2", web.LastRequest.Path);
        Assert.DoesNotContain(web.Requests, r => r.Path.StartsWith("/reviews/AUT/report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthEndpointsAnswerWithoutAToken()
    {
        var gateway = Gateway(new ProxySettings());
        using var client = gateway.Pages();

        // The overall status first, then one line per check.
        Assert.Equal("Healthy", (await client.GetStringAsync("/health")).Split('\n')[0]);
        Assert.Equal("Healthy", (await client.GetStringAsync("/alive")).Split('\n')[0]);
    }
}
