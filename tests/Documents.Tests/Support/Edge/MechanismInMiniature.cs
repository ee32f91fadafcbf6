using Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.LocalServers;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;
using Xunit.Abstractions;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// The part of the mechanism a review's documents live in, each piece real: Reviews, Nominations and Documents as
/// their own processes (each with its database on the collection's PostgreSQL), a real RabbitMQ between them (the
/// outboxes and inboxes), the real gateway in front, and a test issuer in the identity service's place (tokens for
/// the people Nominations registers, their sub = Nominations' person id, as identity issues them). Callers use the
/// gateway's public gRPC only.
/// </summary>
public sealed class MechanismInMiniature : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"documents-mechanism-{Guid.NewGuid():N}");

    private MechanismInMiniature()
    {
    }

    public TestIssuer Issuer { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public ServiceProcess Documents { get; private set; } = null!;

    public string DataDirectory => Path.Combine(_folder, "documents");

    /// <summary>The end of each service's log (warnings and errors), for a failure's message.</summary>
    public string Logs => string.Join("\n", _parts.OfType<ServiceProcess>().Select(p => $"--- {p.Name}:\n{(p.Log.Length > 4000 ? p.Log[^4000..] : p.Log)}"));

    private GrpcChannel Channel { get; set; } = null!;

    public ReviewsService.ReviewsServiceClient ReviewsApi => new(Channel);

    public NominationsService.NominationsServiceClient NominationsApi => new(Channel);

    public DocumentsService.DocumentsServiceClient DocumentsApi => new(Channel);

    public CountryProfilesService.CountryProfilesServiceClient ProfilesApi => new(Channel);

    public static async Task<MechanismInMiniature> StartAsync(PostgresFixture postgres, ITestOutputHelper output)
    {
        var m = new MechanismInMiniature();
        try
        {
            Directory.CreateDirectory(m._folder);
            var rabbit = m.Track(await RabbitMqServer.StartAsync(new ServerOptions(Path.Combine(m._folder, "rabbitmq")) { StartTimeout = TimeSpan.FromMinutes(5) }));
            m.Issuer = m.Track(await TestIssuer.StartAsync());
            var messaging = rabbit.ConnectionString;
            var reviews = m.Track(await ServiceProcess.StartAsync("Reviews.Api", m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:reviewsdb"] = await postgres.NewDatabaseAsync(),
                ["ConnectionStrings:messaging"] = messaging,
                ["Mail:PickupDirectory"] = Path.Combine(m._folder, "mail"),
            }));
            var nominations = m.Track(await ServiceProcess.StartAsync("Nominations.Api", m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:nominationsdb"] = await postgres.NewDatabaseAsync(),
                ["ConnectionStrings:messaging"] = messaging,
            }));
            m.Documents = m.Track(await ServiceProcess.DocumentsAsync(await postgres.NewDatabaseAsync(), m.DataDirectory, m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:messaging"] = messaging,
            }));
            var routes = DocumentsBehindGateway.Routes(m.Documents.GrpcAddress, m.Documents.Address);
            routes["services:reviews:grpc:0"] = reviews.GrpcAddress.ToString();
            routes["services:nominations:grpc:0"] = nominations.GrpcAddress.ToString();
            m.Gateway = GatewayHost.Start(m.Issuer, routes, output);
            m._parts.Add(m.Gateway);
            m.Channel = GrpcChannel.ForAddress(m.Gateway.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 4 * 1024 * 1024 });
            return m;
        }
        catch
        {
            await m.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Secretariat (scopes of the three services).</summary>
    public Metadata Secretariat() => Issuer.Person("secretariat-e2e", "Secretariat", scope: "reviews nominations documents");

    /// <summary>A person Nominations registered, as the identity service would issue its token.</summary>
    public Metadata PersonOf(Nomination nomination) => Issuer.Person(
        nomination.PersonId,
        nomination.Role switch
        {
            ReviewMechanism.Events.V1.NominationRole.FocalPoint => "FocalPoint",
            ReviewMechanism.Events.V1.NominationRole.GovernmentalExpert => "GovernmentalExpert",
            _ => "Observer",
        },
        nomination.Party,
        scope: "reviews nominations documents");

    private T Track<T>(T part)
        where T : IAsyncDisposable
    {
        _parts.Add(part);
        return part;
    }

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            await _parts[i].DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping server: the folder is under /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
