using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Npgsql;
using ReviewMechanism.AppHost;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Hosting;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Testing;
using ReviewMechanism.Nominations.V1;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// The part of the real graph where integration events flow: nominations publishes (transactional outbox),
/// identity and reviews consume (inbox) over the real RabbitMQ; PostgreSQL and Redis as local processes.
/// A Secretariat system client is registered with identity, its secret generated here at run time.
/// </summary>
public sealed class EventsStack : IAsyncLifetime
{
    private const string ClientId = "stack-tests-secretariat";
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private string? _token;

    private ServiceChannels? _channels;

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<MechanismGraph>();
        builder.WithResources("nominations", "identity");
        // The demo partner is client 0; this one is client 1.
        const string prefix = "Identity__Clients__1__";
        builder.CreateResourceBuilder<ProjectResource>("identity")
            .WithEnvironment(prefix + "ClientId", ClientId)
            .WithEnvironment(prefix + "Type", "confidential")
            .WithEnvironment(prefix + "Secret", _secret)
            .WithEnvironment(prefix + "GrantTypes__0", "client_credentials")
            .WithEnvironment(prefix + "Roles__0", "Secretariat")
            .WithEnvironment(prefix + "Scopes__0", "nominations")
            .WithEnvironment(prefix + "Scopes__1", "reviews");
        // Crashes in these tests are deliberate: restart at once.
        builder.Configuration["AppHost:RestartDelay"] = "00:00:00.200";
        App = await builder.StartAsync(TimeSpan.FromMinutes(4));
        _channels = new ServiceChannels(App);
    }

    public async Task DisposeAsync()
    {
        _channels?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public NominationsService.NominationsServiceClient Nominations => _channels!.Client<NominationsService.NominationsServiceClient>("nominations");

    /// <summary>A Secretariat access token (client_credentials) from the identity service.</summary>
    public async Task<CallOptions> SecretariatAsync(CancellationToken cancellationToken = default)
    {
        if (_token is null)
        {
            using var http = App.CreateHttpClient("identity");
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId,
                ["client_secret"] = _secret,
                ["scope"] = "nominations reviews",
            }), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
            _token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
        }
        return new CallOptions(new Metadata { { "authorization", "Bearer " + _token } }, cancellationToken: cancellationToken);
    }

    /// <summary>Nominates a governmental expert of <paramref name="party"/> as reviewer (no review needed).</summary>
    public async Task<Nomination> NominateExpertAsync(string party, string tag, int n, CancellationToken cancellationToken = default)
    {
        var response = await Nominations.NominateAsync(new NominateRequest
        {
            Party = party,
            Role = NominationRole.GovernmentalExpert,
            Scope = new ReviewMechanism.Events.V1.NominationScope { Kind = NominationScopeKind.AsReviewer },
            Person = new PersonDetails
            {
                FullName = $"Expert {tag} {n}",
                Title = "Dr.",
                Gender = Gender.NotInformed,
                Email = $"expert.{tag}.{n}@example.org",
                Affiliation = "Ministry of Justice",
            },
        }, await SecretariatAsync(cancellationToken));
        return response.Nomination;
    }

    /// <summary>The resource's state and last log lines, for failure messages.</summary>
    public string Describe(string resource)
    {
        var snapshot = App.GetSnapshots(40).Single(s => s.Resource == resource);
        return $"{resource}: {snapshot.State} {snapshot.Health} restarts {snapshot.RestartCount} pid {snapshot.Pid} exit {snapshot.ExitCode} error {snapshot.Error} endpoints {string.Join(", ", snapshot.Endpoints)}\n{string.Join("\n", snapshot.RecentLogs)}";
    }

    public NpgsqlConnection Database(string name) => new(App.GetConnectionString(name));

    /// <summary>Person ids of the nominations stored for <paramref name="party"/> (the publisher's truth).</summary>
    public Task<List<string>> NominatedPersonsAsync(string party) =>
        ListAsync("nominationsdb", """SELECT "PersonId"::text FROM "Nominations" WHERE "Party" = @p""", party);

    /// <summary>Person ids of the accounts identity holds for <paramref name="party"/>'s nominations, one row per account.</summary>
    public Task<List<string>> AccountPersonsAsync(IEnumerable<string> personIds) =>
        ListAsync("identitydb", """SELECT "PersonId" FROM "AspNetUsers" WHERE "PersonId" = ANY(@p)""", personIds.ToArray());

    public async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = Database(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<List<string>> ListAsync(string database, string sql, object parameter)
    {
        await using var connection = Database(database);
        await connection.OpenAsync();
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
}
