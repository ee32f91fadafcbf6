using System.Net;
using System.Text.Json;
using Grpc.Health.V1;
using Npgsql;
using RabbitMQ.Client;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Testing;
using StackExchange.Redis;

namespace ReviewMechanism.Hosting.Tests;

/// <summary>
/// One application for the class: PostgreSQL with a database, RabbitMQ, Redis, and two echo projects;
/// <c>alpha</c> references and waits for all of them, <c>beta</c> is referenced by <c>alpha</c>.
/// </summary>
public sealed class InfrastructureGraphFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The resources as they were once all healthy (later tests restart some).</summary>
    public IReadOnlyDictionary<string, ResourceSnapshot> Started { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create(["--demo-data"]);
        var postgres = builder.AddPostgres("postgres");
        var database = postgres.AddDatabase("echodb");
        var messaging = builder.AddRabbitMQ("messaging");
        var redis = builder.AddRedis("redis");
        var beta = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("beta")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("Echo__Banner", "<script>alert('beta')</script> & friends");
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("alpha")
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(redis).WaitFor(redis)
            .WithReference(beta).WaitFor(beta)
            .WithEnvironment("Identity__Authority", beta.GetEndpoint("http"))
            .WithDataDirectory("Echo__DataDirectory");
        App = await builder.StartAsync(TimeSpan.FromSeconds(150));
        Started = App.GetSnapshots().ToDictionary(s => s.Name);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class InfrastructureGraphTests(InfrastructureGraphFixture fixture) : IClassFixture<InfrastructureGraphFixture>
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task AReferencingProjectGetsConnectionStringsAndServiceAddressesInAspiresConventions()
    {
        var alpha = (await EchoReport.GetAsync(App, "alpha")).Environment;

        Assert.Equal(App.GetConnectionString("echodb"), alpha["ConnectionStrings__echodb"]);
        Assert.Contains("Database=echodb", alpha["ConnectionStrings__echodb"], StringComparison.Ordinal);
        Assert.StartsWith("amqp://mechanism:", alpha["ConnectionStrings__messaging"], StringComparison.Ordinal);
        Assert.Equal(App.GetConnectionString("redis"), alpha["ConnectionStrings__redis"]);
        Assert.Equal(App.GetEndpoint("beta", "http").ToString().TrimEnd('/'), alpha["services__beta__http__0"]);
        Assert.Equal(App.GetEndpoint("beta", "grpc").ToString().TrimEnd('/'), alpha["services__beta__grpc__0"]);
        Assert.Equal(alpha["services__beta__http__0"], alpha["Identity__Authority"]);
        Assert.Equal(App.GetEndpoint("alpha", "http").ToString().TrimEnd('/'), alpha["Kestrel__Endpoints__http__Url"]);
        Assert.Equal(App.GetEndpoint("alpha", "grpc").ToString().TrimEnd('/'), alpha["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", alpha["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.Equal("Development", alpha["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("alpha", alpha["OTEL_SERVICE_NAME"]);
        Assert.Equal("true", alpha["ReviewMechanism__DemoData"]);
        Assert.False(alpha.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "No OTLP endpoint is passed when the AppHost has none.");
        Assert.False(alpha.ContainsKey("ConnectionStrings__postgres"), "Only referenced resources are passed.");
        Assert.Equal(Path.Combine(App.DataDirectory, "alpha"), alpha["Echo__DataDirectory"]);
        Assert.True(Directory.Exists(alpha["Echo__DataDirectory"]));

        var beta = (await EchoReport.GetAsync(App, "beta")).Environment;
        Assert.DoesNotContain(beta.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheConnectionStringsReachTheRealServersAndTheDatabaseExists()
    {
        var alpha = (await EchoReport.GetAsync(App, "alpha")).Environment;

        await using (var connection = new NpgsqlConnection(alpha["ConnectionStrings__echodb"] + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("echodb", await query.ExecuteScalarAsync());
        }
        var factory = new ConnectionFactory { Uri = new Uri(alpha["ConnectionStrings__messaging"]!) };
        await using (var amqp = await factory.CreateConnectionAsync())
        {
            Assert.True(amqp.IsOpen);
        }
        using var redis = await ConnectionMultiplexer.ConnectAsync(alpha["ConnectionStrings__redis"]!);
        Assert.True((await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TheGrpcEndpointSpeaksCleartextHttp2AndTheHttpEndpointHttp1()
    {
        using var grpc = App.CreateHttpClient("beta", "grpc");
        using var response = await grpc.GetAsync("/env");
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("HTTP/2", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("protocol").GetString());

        var overHttp = await EchoReport.GetAsync(App, "beta", "http");
        Assert.Equal("HTTP/1.1", overHttp.Protocol);
    }

    [Fact]
    public async Task ATypedGrpcClientCallsAServiceOnItsGrpcEndpoint()
    {
        var health = App.CreateGrpcClient<Health.HealthClient>("beta");

        var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task AProjectStartsOnlyAfterEverythingItWaitsForIsHealthy()
    {
        var snapshots = fixture.Started;
        var alpha = snapshots["alpha"];
        Assert.Equal(["echodb", "messaging", "redis", "beta"], alpha.WaitsFor);
        foreach (var dependency in alpha.WaitsFor)
        {
            Assert.NotNull(snapshots[dependency].HealthyAt);
            Assert.True(alpha.StartedAt >= snapshots[dependency].HealthyAt, $"alpha started at {alpha.StartedAt:O}, before {dependency} was healthy ({snapshots[dependency].HealthyAt:O}).");
        }
        Assert.True(snapshots["echodb"].StartedAt >= snapshots["postgres"].HealthyAt, "The database is created once its server is healthy.");
        var report = await EchoReport.GetAsync(App, "alpha");
        Assert.True(report.StartedAt >= snapshots["messaging"].HealthyAt);
    }

    [Fact]
    public async Task TheDashboardShowsEveryResourceWithStateHealthEndpointsAndEncodedLogLines()
    {
        using var client = new HttpClient { BaseAddress = App.DashboardUrl };
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var name in new[] { "postgres", "echodb", "messaging", "redis", "alpha", "beta" })
        {
            Assert.Contains($"<tr id=\"{name}\">", html, StringComparison.Ordinal);
        }
        Assert.Contains("<meta http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge Running\">Running</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Healthy<", html, StringComparison.Ordinal);
        Assert.Contains(App.GetEndpoint("alpha", "http").ToString().TrimEnd('/'), html, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Hosting.Lifetime", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(App.GetConnectionString("redis").Split("password=")[1], html, StringComparison.Ordinal);

        var resourcePage = await client.GetStringAsync("/resources/beta");
        Assert.Contains("&lt;script&gt;alert(&#39;beta&#39;)&lt;/script&gt; &amp; friends", resourcePage, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", resourcePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/resources/nobody")).StatusCode);
    }

    [Fact]
    public async Task AServerRestartedByTheTestKeepsItsPortAndItsData()
    {
        var connectionString = App.GetConnectionString("echodb") + ";Pooling=false";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS focal_point (name text); INSERT INTO focal_point VALUES ('Ana');", connection);
            await create.ExecuteNonQueryAsync();
        }
        var before = App.GetSnapshots().Single(s => s.Name == "postgres");

        await App.StopResourceAsync("postgres");
        Assert.Equal(KnownResourceStates.Stopped, App.GetSnapshots().Single(s => s.Name == "postgres").State);
        await App.StartResourceAsync("postgres");
        await App.WaitForResourceHealthyAsync("postgres");

        var after = App.GetSnapshots().Single(s => s.Name == "postgres");
        Assert.NotEqual(before.Pid, after.Pid);
        Assert.Equal(before.Endpoints["tcp"], after.Endpoints["tcp"]);
        Assert.Equal(0, after.RestartCount);
        await using var again = new NpgsqlConnection(connectionString);
        await again.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT count(*) FROM focal_point WHERE name = 'Ana'", again);
        Assert.True((long)(await read.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task ACrashedServerIsRestartedOnItsPortWithItsData()
    {
        var connectionString = App.GetConnectionString("redis");
        using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            await redis.GetDatabase().StringSetAsync("pairing", "AUT-BRA");
        }
        var before = App.GetSnapshots().Single(s => s.Name == "redis");

        App.KillResource("redis");
        var after = (await App.ResourceNotifications.WaitForResourceAsync("redis", s => s.IsHealthy && s.RestartCount == before.RestartCount + 1))[0];

        Assert.NotEqual(before.Pid, after.Pid);
        Assert.Equal(before.Endpoints["tcp"], after.Endpoints["tcp"]);
        using var again = await ConnectionMultiplexer.ConnectAsync(connectionString);
        Assert.Equal("AUT-BRA", (string?)await again.GetDatabase().StringGetAsync("pairing"));
    }

    [Fact]
    public async Task RabbitMqStoppedAndStartedAgainKeepsItsDurableMessages()
    {
        var factory = new ConnectionFactory { Uri = new Uri(App.GetConnectionString("messaging")) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("country-review-events", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "country-review-events", mandatory: false, new BasicProperties { Persistent = true }, "stage-advanced"u8.ToArray());
        }

        await App.StopResourceAsync("messaging");
        Assert.Equal(KnownResourceStates.Stopped, App.GetSnapshots().Single(s => s.Name == "messaging").State);
        Assert.Equal(KnownResourceStates.Running, App.GetSnapshots().Single(s => s.Name == "alpha").State);
        await App.StartResourceAsync("messaging");
        await App.WaitForResourceHealthyAsync("messaging", TimeSpan.FromSeconds(180));

        await using var reconnected = await factory.CreateConnectionAsync();
        await using var reader = await reconnected.CreateChannelAsync();
        var message = await reader.BasicGetAsync("country-review-events", autoAck: true);
        Assert.NotNull(message);
        Assert.Equal("stage-advanced", System.Text.Encoding.UTF8.GetString(message.Body.Span));
    }
}
