using System.Net;
using System.Net.Sockets;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Testing;

namespace ReviewMechanism.Hosting.Tests;

/// <summary>The model's rules, checked before any process starts.</summary>
public sealed class ApplicationModelTests
{
    [Fact]
    public void AWaitForCycleIsRefusedWithTheCycleNamed()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var a = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("a");
        var b = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("b").WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());
        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectsMayReferenceEachOtherWithoutWaiting()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var reviews = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("reviews");
        var nominations = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("nominations").WithReference(reviews);
        reviews.WithReference(nominations);

        Assert.Equal(2, builder.Build().Model.Resources.Count);
    }

    [Fact]
    public void ASubsetKeepsWhatItsResourcesDependOnAndNothingElse()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("postgres");
        var reviewsDb = postgres.AddDatabase("reviewsdb");
        postgres.AddDatabase("documentsdb");
        var redis = builder.AddRedis("redis");
        builder.AddRabbitMQ("messaging");
        var nominations = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("nominations");
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("reviews")
            .WithReference(reviewsDb).WaitFor(reviewsDb).WithReference(redis).WithReference(nominations);
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("gateway").WithReference(nominations);

        var app = builder.WithResources("reviews").Build();

        Assert.Equal(["postgres", "reviewsdb", "redis", "nominations", "reviews"], app.Model.Resources.Select(r => r.Name));
    }

    [Fact]
    public void ResourceNamesMustWorkAsConfigurationKeys()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        Assert.Throws<ArgumentException>(() => builder.AddRedis("Redis Cache"));
        builder.AddRedis("redis");
        Assert.Throws<DistributedApplicationException>(() => builder.AddRabbitMQ("redis"));
    }

    [Fact]
    public async Task AnUnbuiltProjectStopsTheStartWithTheBuildCommand()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject("ghost", new ProjectMetadata("/nowhere/Ghost.Api/Ghost.Api.csproj", "/nowhere/Ghost.Api/bin/Debug/net10.0/Ghost.Api.dll"));
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());
        Assert.Contains("ghost: /nowhere/Ghost.Api/bin/Debug/net10.0/Ghost.Api.dll", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFixedPortInUseIsReportedWithTheSettingThatChangesIt()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = DistributedApplicationTestingBuilder.Create(configure: o => o.RandomizePorts = false);
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("gateway").WithHttpEndpoint(port);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());
        Assert.Contains($"Port {port} (gateway http) is in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("--AppHost:Ports:gateway:http=PORT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondAppHostOnTheSameDataFolderIsRefused()
    {
        using var folder = new TempFolder("apphost-lock");
        await using var first = DistributedApplicationTestingBuilder.Create(configure: o => { o.DataDirectory = folder.Path; o.DeleteDataDirectoryOnDispose = false; }).Build();
        await first.StartAsync();
        await using var second = DistributedApplicationTestingBuilder.Create(configure: o => { o.DataDirectory = folder.Path; o.DeleteDataDirectoryOnDispose = false; }).Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => second.StartAsync());
        Assert.Contains($"(pid {Environment.ProcessId}) uses the data folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLineSettingsWinOverTheGraphsDefaults()
    {
        var builder = DistributedApplicationTestingBuilder.Create(["--demo-data", "--AppHost:DashboardPort=-1", "--AppHost:RestartDelay=00:00:03"]);
        var app = builder.Build();

        Assert.True(app.Options.DemoData);
        Assert.Equal(-1, app.Options.DashboardPort);
        Assert.Equal(TimeSpan.FromSeconds(3), app.Options.RestartDelay);
    }
}
