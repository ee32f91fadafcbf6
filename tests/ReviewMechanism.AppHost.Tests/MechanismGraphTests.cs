using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewMechanism.AppHost.Tests.Infrastructure;
using ReviewMechanism.LocalServers.Hosting;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>The AppHost's graph as Aspire builds it, without starting it.</summary>
public sealed class MechanismGraphTests
{
    private static readonly string[] Servers = ["postgres", "messaging", "redis", "mail"];

    [Fact]
    public async Task TheGraphGivesEachServiceItsDatabaseAndTheServersAndTheGatewayEveryService()
    {
        using var data = new TestDataFolder();
        await using var builder = await AppHostTesting.CreateBuilderAsync(data);
        var resources = builder.Resources.ToDictionary(r => r.Name);

        Assert.Superset(
            new HashSet<string>([.. Servers, "messaging-epmd", .. MechanismStack.Services, "identitydb", "nominationsdb", "reviewsdb", "documentsdb", "engagementdb", "reportingdb"]),
            resources.Keys.ToHashSet());
        foreach (var service in MechanismStack.Services.Where(s => s != "gateway"))
        {
            var waits = WaitsOf(resources[service]);
            Assert.Contains(service + "db", waits);
            Assert.Contains("messaging", waits);
        }
        // Redis only for the services that use it.
        Assert.Equal(["engagement", "gateway", "identity", "reporting"], MechanismStack.Services.Where(s => WaitsOf(resources[s]).Contains("redis")).Order());
        Assert.Equal(MechanismStack.Services.Where(s => s != "gateway").Order(), WaitsOf(resources["gateway"]).Where(MechanismStack.Services.Contains).Order());
        Assert.Contains("mail", WaitsOf(resources["identity"]));
        Assert.Contains("mail", WaitsOf(resources["reviews"]));
        Assert.Contains("messaging-epmd", WaitsOf(resources["messaging"]));
        // Behind the gateway only reporting calls Reviews and Nominations (its rebuild re-reads them).
        Assert.Equal(
            [("reporting", "nominations"), ("reporting", "reviews")],
            MechanismStack.Services.Where(s => s != "gateway")
                .SelectMany(s => ServiceReferencesOf(resources[s]).Where(r => r != s && r is "reviews" or "nominations").Select(r => (s, r)))
                .Order());
        Assert.All(Servers, s => Assert.IsAssignableFrom<IResourceWithConnectionString>(resources[s]));
    }

    [Fact]
    public async Task OnlyTheGatewayRunsWithTheLargerGen0Budget()
    {
        using var data = new TestDataFolder();
        await using var builder = await AppHostTesting.CreateBuilderAsync(data);

        var context = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish);
        foreach (var service in builder.Resources.OfType<ProjectResource>())
        {
            var configuration = await ExecutionConfigurationBuilder.Create(service).WithEnvironmentVariablesConfig()
                .BuildAsync(context, NullLogger.Instance, CancellationToken.None);
            Assert.Null(configuration.Exception);
            var budget = configuration.EnvironmentVariables.FirstOrDefault(v => v.Key == "DOTNET_GCgen0size").Value;
            Assert.True(service.Name == "gateway" ? budget == "0x4000000" : budget is null, $"{service.Name}: DOTNET_GCgen0size '{budget}'");
        }
    }

    [Fact]
    public async Task EveryServerListensOnLoopbackAndGetsItsDataFromTheDataFolder()
    {
        using var data = new TestDataFolder();
        await using var builder = await AppHostTesting.CreateBuilderAsync(data);

        var servers = builder.Resources.OfType<ExecutableResource>().Where(r => r is LocalServerResource or EpmdResource).ToList();
        Assert.Equal(5, servers.Count);
        foreach (var server in servers)
        {
            Assert.StartsWith(data.Path, server.WorkingDirectory);
            Assert.All(server.Annotations.OfType<EndpointAnnotation>(), e => Assert.False(e.IsProxied, $"{server.Name}/{e.Name} is proxied"));
        }
    }

    [Fact]
    public async Task EveryServiceListensOnItsOwnPortsAndOnlyTheGatewaysFixedPortsGoThroughDcpsProxy()
    {
        using var data = new TestDataFolder();
        await using var builder = await AppHostTesting.CreateBuilderAsync(data);
        var resources = builder.Resources.ToDictionary(r => r.Name);

        foreach (var service in MechanismStack.Services)
        {
            var endpoints = resources[service].Annotations.OfType<EndpointAnnotation>().ToList();
            Assert.Equal(["grpc", "http"], endpoints.Select(e => e.Name).Order());
            Assert.All(endpoints, e => Assert.Equal(service == "gateway", e.IsProxied));
        }
    }

    private static IReadOnlyList<string> ServiceReferencesOf(IResource resource) =>
        resource.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == "Reference" && MechanismStack.Services.Contains(r.Resource.Name))
            .Select(r => r.Resource.Name).Distinct().ToList();

    private static IReadOnlyList<string> WaitsOf(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList();
}

/// <summary>The whole mechanism, started by Aspire from the real AppHost.</summary>
[Collection(MechanismCollection.Name)]
public sealed class TheRunningMechanismTests(MechanismStack stack)
{
    [Fact]
    public async Task EveryServiceAnswersOnBothEndpoints()
    {
        foreach (var service in MechanismStack.Services)
        {
            using var http = stack.App.CreateHttpClient(service, "http");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            using var grpc = new HttpClient { BaseAddress = stack.App.GetEndpoint(service, "grpc"), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var overH2c = await grpc.GetAsync("/health");
            Assert.Equal(HttpVersion.Version20, overH2c.Version);
            Assert.Equal(HttpStatusCode.OK, overH2c.StatusCode);
        }
        Assert.NotEqual(Mechanism.GatewayHttpPort, stack.App.GetEndpoint("gateway", "http").Port);
    }
}
