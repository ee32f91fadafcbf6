using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Gateway.Tests.Infrastructure;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReviewMechanism.AppHost.Tests.Infrastructure;

namespace Interop.Tests.Infrastructure;

/// <summary>
/// The whole mechanism from the real AppHost (Aspire.Hosting.Testing, random ports, a throwaway data folder), with the
/// gateway and the domain services trusting <see cref="TestIssuer"/> instead of the identity service, so a test can
/// hold a token for any caller (role, party, scopes). Rate limits are off here (Gateway.Tests proves them): the
/// matrix and the bad-input tests make hundreds of calls with few tokens.
/// </summary>
public sealed class ProductStack : IAsyncLifetime
{
    /// <summary>The services whose tokens come from <see cref="TestIssuer"/> (identity validates only its own).</summary>
    public static readonly string[] DomainServices = ["nominations", "reviews", "documents", "engagement", "reporting"];

    public static readonly string[] Services = ["identity", .. DomainServices];

    /// <summary>A Secretariat system registered with identity (client_credentials), for the APIs only identity's tokens open.</summary>
    public const string IdentitySecretariatClient = "interop-secretariat";

    private readonly string _data = Path.Combine(Path.GetTempPath(), $"rm-interop-tests-{Guid.NewGuid():N}");
    private readonly string _secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private string? _identityToken;
    private GrpcChannel? _channel;

    public DistributedApplication App { get; private set; } = null!;

    public TestIssuer Issuer { get; private set; } = null!;

    /// <summary>The gateway's cleartext HTTP/2 endpoint, where partners call gRPC.</summary>
    public Uri GatewayGrpc { get; private set; } = null!;

    /// <summary>One HTTP/2 channel to the gateway shared by the tests' calls.</summary>
    public GrpcChannel Gateway => _channel ??= GrpcChannel.ForAddress(GatewayGrpc, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Directory.CreateDirectory(_data);
        App = await StackStart.StartHealthyAsync(CreateBuilderAsync, _data, TimeSpan.FromMinutes(8));
        GatewayGrpc = App.GetEndpoint("gateway", "grpc");
    }

    private async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ReviewMechanism_AppHost>(
            [$"--AppHost:DataDirectory={_data}"], (options, _) => options.DisableDashboard = true);
        // The services' own logs reach the test log from warnings up (the rest is noise in CI).
        builder.Services.AddLogging(logging => logging.AddFilter("ReviewMechanism.AppHost.Resources", LogLevel.Warning));
        foreach (var name in DomainServices.Append("gateway"))
        {
            // After the AppHost's own Identity__* (WithIdentity), so these win.
            builder.CreateResourceBuilder<ProjectResource>(name)
                .WithEnvironment("Identity__Authority", Issuer.Address.ToString())
                .WithEnvironment("Identity__Issuer", TestIssuer.Issuer);
        }
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("RateLimiting__Enabled", "false");
        const string client = "Identity__Clients__1__";
        builder.CreateResourceBuilder<ProjectResource>("identity")
            .WithEnvironment(client + "ClientId", IdentitySecretariatClient)
            .WithEnvironment(client + "Type", "confidential")
            .WithEnvironment(client + "Secret", _secret)
            .WithEnvironment(client + "GrantTypes__0", "client_credentials")
            .WithEnvironment(client + "Roles__0", "Secretariat")
            .WithEnvironment(client + "Scopes__0", "reviews");
        return builder;
    }

    /// <summary>GET /health on the service's own http endpoint: its status code and body.</summary>
    public async Task<(int Status, string Body)> HealthAsync(string service)
    {
        using var http = App.CreateHttpClient(service, "http");
        using var response = await http.GetAsync("/health");
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Stores an unread notice for <paramref name="personId"/> in the reviews database, as the notification planner
    /// stores one (already e-mailed, so the dispatcher leaves it), for the notification feed to stream.
    /// </summary>
    public async Task StoreNoticeForAsync(string personId)
    {
        await using var connection = new NpgsqlConnection(await App.GetConnectionStringAsync("reviewsdb"));
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO sent_notifications (id, key, kind, offset_days, country_review_id, deadline, due_date, party, recipient_role,
                recipient_person_id, to_name, to_email, cc_emails, language, subject, body, created_at, read_at, email_sent_at)
            VALUES (@id, @key, 0, 0, 'INTEROP', 0, CURRENT_DATE, 'AUT', 0, @person, 'Interop partner', 'interop@example.org', '{}', 0,
                'Interop notice', 'A notice stored by the interop tests.', now(), NULL, now())
            """, connection);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("key", $"interop:{Guid.NewGuid():N}");
        insert.Parameters.AddWithValue("person", personId);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>An access token identity itself issued to <see cref="IdentitySecretariatClient"/> (client_credentials on its own endpoint).</summary>
    public async Task<string> IdentitySecretariatTokenAsync()
    {
        if (_identityToken is null)
        {
            using var http = App.CreateHttpClient("identity", "http");
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = IdentitySecretariatClient,
                ["client_secret"] = _secret,
                ["scope"] = "reviews",
            }));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"identity's token endpoint answered {(int)response.StatusCode}: {body}");
            _identityToken = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        }
        return _identityToken;
    }

    /// <summary>A channel to a service's own grpc endpoint (not through the gateway); the caller disposes it.</summary>
    public GrpcChannel Direct(string service) => GrpcChannel.ForAddress(App.GetEndpoint(service, "grpc"));

    /// <summary>A token of the test issuer.</summary>
    public string Token(string sub, string[] roles, string scope, string? party = null) =>
        Issuer.Token(sub: sub, roles: roles, scope: scope, parties: party is null ? null : [party]);

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held by a stopping server: the folder is under /tmp.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProductStackCollection : ICollectionFixture<ProductStack>
{
    public const string Name = "product through the gateway";
}
