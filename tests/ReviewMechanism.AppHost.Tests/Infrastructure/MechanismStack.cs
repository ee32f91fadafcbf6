using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.AppHost;
using ReviewMechanism.Hosting;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Testing;
using ReviewMechanism.Messaging;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// The whole mechanism (every service behind the gateway) for end-to-end tests. Registered with identity at
/// start, secrets generated here: a Secretariat system and a system acting as focal point of Austria
/// (client_credentials). The reviews and nominations services read "now" as the real clock plus an offset the
/// test writes (<see cref="MoveClockAsync"/>); e-mails go to a pickup folder as .eml files.
/// </summary>
public sealed class MechanismStack : IAsyncLifetime
{
    public const string FocalPointParty = "AUT";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mechanism-e2e-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _secrets = new()
    {
        ["e2e-secretariat"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        ["e2e-focal-point-aut"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
    };
    private readonly Dictionary<string, string> _tokens = [];
    private IHost? _documents;

    private ServiceChannels? _channels;

    public DistributedApplication App { get; private set; } = null!;

    public string MailFolder => Path.Combine(_folder, "mail");

    private string ClockFile => Path.Combine(_folder, "clock-offset");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<MechanismGraph>();
        var identity = builder.CreateResourceBuilder<ProjectResource>("identity");
        Client(identity, 1, "e2e-secretariat", "Secretariat", party: null);
        Client(identity, 2, "e2e-focal-point-aut", "FocalPoint", FocalPointParty);
        foreach (var service in new[] { "reviews", "nominations" })
        {
            builder.CreateResourceBuilder<ProjectResource>(service).WithEnvironment("ReviewMechanism__Clock__OffsetFile", ClockFile);
        }
        builder.CreateResourceBuilder<ProjectResource>("reviews")
            .WithEnvironment("Reviews__Email__PickupDirectory", MailFolder)
            .WithEnvironment("Reviews__NotificationDispatch__Interval", "00:00:01");
        App = await builder.StartAsync(TimeSpan.FromMinutes(5));
        _channels = new ServiceChannels(App);
    }

    public async Task DisposeAsync()
    {
        if (_documents is not null)
        {
            await _documents.StopAsync();
            _documents.Dispose();
        }
        _channels?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public ReviewsService.ReviewsServiceClient Reviews => _channels!.Client<ReviewsService.ReviewsServiceClient>("gateway");

    public NominationsService.NominationsServiceClient Nominations => _channels!.Client<NominationsService.NominationsServiceClient>("gateway");

    public Task<CallOptions> SecretariatAsync() => CallerAsync("e2e-secretariat");

    public Task<CallOptions> FocalPointOfAustriaAsync() => CallerAsync("e2e-focal-point-aut");

    /// <summary>Moves the clock of reviews and nominations to real time + <paramref name="offset"/>.</summary>
    public async Task MoveClockAsync(TimeSpan offset) =>
        await File.WriteAllTextAsync(ClockFile, offset.ToString("c", CultureInfo.InvariantCulture));

    /// <summary>Publishes an event of the Documents service over the real RabbitMQ, in Documents' place (its domain is not built yet).</summary>
    public async Task PublishDocumentsEventAsync<TEvent>(TEvent documentsEvent)
        where TEvent : class, IMessage
    {
        if (_documents is null)
        {
            var host = Host.CreateApplicationBuilder();
            host.Services.AddMessaging(o =>
            {
                o.ConnectionString = App.GetConnectionString("messaging");
                o.ServiceName = "e2e-documents";
            });
            _documents = host.Build();
            await _documents.StartAsync();
        }
        await _documents.Services.GetRequiredService<IBus>().Publish(documentsEvent);
    }

    private async Task<CallOptions> CallerAsync(string clientId)
    {
        if (!_tokens.TryGetValue(clientId, out var token))
        {
            using var http = App.CreateHttpClient("gateway");
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = _secrets[clientId],
                ["scope"] = "nominations reviews",
            }));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
            token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
            _tokens[clientId] = token;
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
            .WithEnvironment(prefix + "Roles__0", role)
            .WithEnvironment(prefix + "Scopes__0", "nominations")
            .WithEnvironment(prefix + "Scopes__1", "reviews");
        if (party is not null)
        {
            identity.WithEnvironment(prefix + "Parties__0", party);
        }
    }
}
