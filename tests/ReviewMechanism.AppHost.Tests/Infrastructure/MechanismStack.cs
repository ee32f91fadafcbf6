using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Google.Protobuf;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Grpc.Core;
using ReviewMechanism.Messaging;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// The whole mechanism from the real AppHost, under Aspire.Hosting.Testing, with its own data folder. Registered
/// with identity at start, secrets generated here: a Secretariat system and a system acting as focal point of
/// Austria (client_credentials). Reviews and nominations read "now" as the real clock plus an offset the test
/// writes (<see cref="MoveClockAsync"/>); mails go through the stack's mail server (smtp4dev), read back with
/// <see cref="Mail"/>; every service exports its telemetry to <see cref="Telemetry"/>.
/// </summary>
public sealed class MechanismStack : IAsyncLifetime
{
    /// <summary>How long a test waits for one call before it counts as failed.</summary>
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public const string FocalPointParty = "AUT";

    public static readonly string[] Services = ["identity", "nominations", "reviews", "documents", "engagement", "reporting", "gateway"];

    private const string EveryScope = "nominations reviews documents engagement reporting identity";

    private readonly TestDataFolder _data = new();
    private readonly Dictionary<string, string> _secrets = new()
    {
        ["e2e-secretariat"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        ["e2e-focal-point-aut"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        ["e2e-partner-a"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        ["e2e-partner-b"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
    };
    private readonly Dictionary<string, string> _tokens = [];
    private IHost? _documents;

    public DistributedApplication App { get; private set; } = null!;

    public OtlpReceiver Telemetry { get; private set; } = null!;

    public MailInbox Mail { get; private set; } = null!;

    private string ClockFile => Path.Combine(_data.Path, "clock-offset");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data.Path);
        Telemetry = await OtlpReceiver.StartAsync();
        App = await StackStart.StartHealthyAsync(CreateBuilderAsync, _data.Path, TimeSpan.FromMinutes(8));
        Mail = new MailInbox(App.CreateHttpClient("mail", "http"));
    }

    private async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync()
    {
        var builder = await AppHostTesting.CreateBuilderAsync(_data);
        var identity = builder.CreateResourceBuilder<ProjectResource>("identity");
        Client(identity, 1, "e2e-secretariat", "Secretariat", party: null);
        Client(identity, 2, "e2e-focal-point-aut", "FocalPoint", FocalPointParty);
        Client(identity, 3, "e2e-partner-a", "Partner", party: null);
        Client(identity, 4, "e2e-partner-b", "Partner", party: null);
        foreach (var service in new[] { "reviews", "nominations" })
        {
            builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment("ReviewMechanism__Clock__OffsetFile", ClockFile);
        }
        builder.CreateResourceBuilder<ProjectResource>("reviews").WithEnvironment("Reviews__NotificationDispatch__Interval", "00:00:01");
        foreach (var service in Services)
        {
            // Added after the AppHost's own OTLP settings, so these win: every span comes to this test.
            builder.CreateResourceBuilder<ProjectResource>(service)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.EndpointFor(service))
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500");
        }
        return builder;
    }

    public async Task DisposeAsync()
    {
        if (_documents is not null)
        {
            await _documents.StopAsync();
            _documents.Dispose();
        }
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }
        _data.Dispose();
    }

    public ReviewsService.ReviewsServiceClient Reviews => App.CreateGrpcClient<ReviewsService.ReviewsServiceClient>("gateway");

    public NominationsService.NominationsServiceClient Nominations => App.CreateGrpcClient<NominationsService.NominationsServiceClient>("gateway");

    /// <summary>Nominations' own grpc endpoint, not through the gateway (the publisher in the events tests).</summary>
    public NominationsService.NominationsServiceClient NominationsDirect => App.CreateGrpcClient<NominationsService.NominationsServiceClient>("nominations");

    public Task<CallOptions> SecretariatAsync() => CallerAsync("e2e-secretariat");

    /// <summary>The Secretariat system with every service's scope (documents, engagement, reporting, identity too).</summary>
    public Task<CallOptions> SecretariatOfEveryServiceAsync() => CallerAsync("e2e-secretariat", EveryScope);

    public Task<CallOptions> FocalPointOfAustriaAsync() => CallerAsync("e2e-focal-point-aut");

    /// <summary>The focal point of Austria with every service's scope (its party is checked by each service, not by scope).</summary>
    public Task<CallOptions> FocalPointOfAustriaOfEveryServiceAsync() => CallerAsync("e2e-focal-point-aut", EveryScope);

    /// <summary>One of two partner systems (role Partner, client_credentials, every scope): <c>a</c> or <c>b</c>.</summary>
    public Task<CallOptions> PartnerAsync(char which) => CallerAsync($"e2e-partner-{which}", EveryScope);

    /// <summary>Moves the clock of reviews and nominations to real time + <paramref name="offset"/>.</summary>
    public async Task MoveClockAsync(TimeSpan offset) =>
        await File.WriteAllTextAsync(ClockFile, offset.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>
    /// Nominates a governmental expert of <paramref name="party"/> as reviewer, on nominations' own endpoint. The call
    /// has a deadline: a call sent while the service is killed can otherwise wait forever in the endpoint's proxy.
    /// </summary>
    public async Task<Nomination> NominateExpertAsync(string party, string tag, int n)
    {
        var response = await NominationsDirect.NominateAsync(new NominateRequest
        {
            Party = party,
            Role = ReviewMechanism.Events.V1.NominationRole.GovernmentalExpert,
            Scope = new ReviewMechanism.Events.V1.NominationScope { Kind = ReviewMechanism.Events.V1.NominationScopeKind.AsReviewer },
            Person = new PersonDetails
            {
                FullName = $"Expert {tag} {n}",
                Title = "Dr.",
                Gender = Gender.NotInformed,
                Email = $"expert.{tag}.{n}@example.org",
                Affiliation = "Ministry of Justice",
            },
        }, (await SecretariatAsync()).WithDeadline(DateTime.UtcNow + CallDeadline));
        return response.Nomination;
    }

    /// <summary>Publishes an event of the Documents service over the real RabbitMQ, in Documents' place (its domain is not built yet).</summary>
    public async Task PublishDocumentsEventAsync<TEvent>(TEvent documentsEvent)
        where TEvent : class, IMessage
    {
        if (_documents is null)
        {
            var connectionString = await App.GetConnectionStringAsync("messaging") ?? throw new InvalidOperationException("no messaging connection string");
            var host = Host.CreateApplicationBuilder();
            host.Services.AddMessaging(o =>
            {
                o.ConnectionString = connectionString;
                o.ServiceName = "e2e-documents";
            });
            _documents = host.Build();
            await _documents.StartAsync();
        }
        await _documents.Services.GetRequiredService<IBus>().Publish(documentsEvent);
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync(string name)
    {
        var connection = new NpgsqlConnection(await App.GetConnectionStringAsync(name));
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = await OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Person ids of the nominations stored for <paramref name="party"/> (the publisher's truth).</summary>
    public Task<List<string>> NominatedPersonsAsync(string party) =>
        ListAsync("nominationsdb", """SELECT "PersonId"::text FROM "Nominations" WHERE "Party" = @p""", party);

    /// <summary>Person ids of the accounts identity holds for these people, one row per account.</summary>
    public Task<List<string>> AccountPersonsAsync(IEnumerable<string> personIds) =>
        ListAsync("identitydb", """SELECT "PersonId" FROM "AspNetUsers" WHERE "PersonId" = ANY(@p)""", personIds.ToArray());

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(250);
        }
        return await condition();
    }

    private async Task<List<string>> ListAsync(string database, string sql, object parameter)
    {
        await using var connection = await OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private async Task<CallOptions> CallerAsync(string clientId, string scope = "nominations reviews")
    {
        if (!_tokens.TryGetValue(clientId + " " + scope, out var token))
        {
            using var http = App.CreateHttpClient("gateway", "http");
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = _secrets[clientId],
                ["scope"] = scope,
            }));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
            token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
            _tokens[clientId + " " + scope] = token;
        }
        return new CallOptions(new Metadata { { "authorization", "Bearer " + token } });
    }

    private void Client(IResourceBuilder<ProjectResource> identity, int index, string clientId, string role, string? party)
    {
        var prefix = $"Identity__Clients__{index}__";
        identity.WithEnvironment(prefix + "ClientId", clientId)
            .WithEnvironment(prefix + "Type", "confidential")
            .WithEnvironment(prefix + "Secret", _secrets[clientId])
            .WithEnvironment(prefix + "GrantTypes__0", "client_credentials")
            .WithEnvironment(prefix + "Roles__0", role);
        // Every client may ask for every service's scope: what each caller may do is the services' check to make.
        var scopes = EveryScope.Split(' ');
        for (var i = 0; i < scopes.Length; i++)
        {
            identity.WithEnvironment(prefix + $"Scopes__{i}", scopes[i]);
        }
        if (party is not null)
        {
            identity.WithEnvironment(prefix + "Parties__0", party);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MechanismCollection : ICollectionFixture<MechanismStack>
{
    public const string Name = "the whole mechanism";
}
