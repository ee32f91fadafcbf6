using System.Net;
using ReviewMechanism.AppHost;
using ReviewMechanism.Hosting;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Testing;
using Xunit.Abstractions;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>The AppHost's real graph: every service, every database, the servers.</summary>
public sealed class MechanismGraphTests(ITestOutputHelper output)
{
    private static readonly string[] Services = ["identity", "nominations", "reviews", "documents", "engagement", "reporting", "gateway"];

    [Fact]
    public async Task TheWholeMechanismStartsAndEveryServiceAnswersOnBothEndpoints()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<MechanismGraph>([], o => o.LogSink = line =>
        {
            try
            {
                output.WriteLine($"{line.Resource,-12} | {line.Text}");
            }
            catch (InvalidOperationException)
            {
            }
        });
        await using var app = await builder.StartAsync(TimeSpan.FromSeconds(180));

        Assert.Equal(16, app.GetSnapshots().Count(s => s.IsHealthy));
        foreach (var service in Services)
        {
            using var http = app.CreateHttpClient(service, "http");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            using var grpc = app.CreateHttpClient(service, "grpc");
            using var overH2c = await grpc.GetAsync("/health");
            Assert.Equal(HttpVersion.Version20, overH2c.Version);
            Assert.Equal(HttpStatusCode.OK, overH2c.StatusCode);
        }
        Assert.NotEqual(MechanismGraph.GatewayHttpPort, app.GetEndpoint("gateway").Port);
    }

    [Fact]
    public async Task TheGraphGivesEachServiceItsDatabaseAndTheGatewayEveryService()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<MechanismGraph>();
        var model = builder.Build().Model;

        Assert.Equal(
            ["postgres", "messaging", "redis", "identitydb", "identity", "gateway", "nominationsdb", "nominations", "reviewsdb", "reviews", "documentsdb", "documents", "engagementdb", "engagement", "reportingdb", "reporting"],
            model.Resources.Select(r => r.Name));
        foreach (var service in Services.Where(s => s != "gateway"))
        {
            var references = model.Find(service).Annotations.OfType<ReferenceAnnotation>().Select(r => r.Target.Name).ToList();
            Assert.Contains(service + "db", references);
            Assert.Contains(service + "db", model.Find(service).Annotations.OfType<WaitAnnotation>().Select(w => w.Target.Name));
        }
        var gateway = model.Find("gateway");
        Assert.Equal(Services.Where(s => s != "gateway").Order(), gateway.Annotations.OfType<WaitAnnotation>().Select(w => w.Target.Name).Where(Services.Contains).Order());
    }

    [Fact]
    public async Task ASubsetForReviewsBringsWhatReviewsUsesAndNotTheGateway()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<MechanismGraph>();
        var model = builder.WithResources("reviews").Build().Model;

        Assert.Equal(["postgres", "messaging", "redis", "nominationsdb", "nominations", "reviewsdb", "reviews"], model.Resources.Select(r => r.Name));
    }

    [Fact]
    public async Task IdentityRunsAloneWithItsOwnUrlAsIssuerWhenTheGatewayIsLeftOut()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<MechanismGraph>();
        await using var app = await builder.WithResources("identity").StartAsync(TimeSpan.FromSeconds(150));

        Assert.DoesNotContain(app.GetSnapshots(), s => s.Resource == "gateway");
        using var http = app.CreateHttpClient("identity");
        var discovery = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration"));
        Assert.Equal(app.GetEndpoint("identity").ToString().TrimEnd('/'), discovery.RootElement.GetProperty("issuer").GetString()!.TrimEnd('/'));
    }
}
