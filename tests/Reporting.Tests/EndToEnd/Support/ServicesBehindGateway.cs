using Documents.Tests.Support.Edge;
using Gateway.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.LocalServers;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.Reviews.V1;
using Reporting.Tests.Support;

namespace Reporting.Tests.EndToEnd.Support;

/// <summary>
/// Reviews, Nominations, Documents and Reporting as their own processes (built with this test project, run as the
/// AppHost runs them, each with its own database on the collection's PostgreSQL; Reporting's cache on its Redis), a
/// real RabbitMQ of their own between them (outboxes and inboxes), the real gateway in front (its appsettings.json
/// routes, token validation), and a test issuer in the identity service's place (tokens for the people Nominations
/// registers: sub = Nominations' person id, as identity issues them). Callers use the gateway's public gRPC only.
/// </summary>
public sealed class ServicesBehindGateway : IAsyncDisposable
{
    private const string AllScopes = "reviews nominations documents reporting";
    private readonly List<IAsyncDisposable> _parts = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"reporting-e2e-{Guid.NewGuid():N}");

    private ServicesBehindGateway()
    {
    }

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public TestIssuer Issuer { get; private set; } = null!;

    public ReviewsService.ReviewsServiceClient Reviews => new(Channel);

    public NominationsService.NominationsServiceClient Nominations => new(Channel);

    public DocumentsService.DocumentsServiceClient Documents => new(Channel);

    public ReportingService.ReportingServiceClient Reporting => new(Channel);

    /// <summary>The end of each service's log (warnings and errors), for a failure's message.</summary>
    public string Logs => string.Join("\n", _parts.OfType<ServiceProcess>().Select(p => $"--- {p.Name}:\n{(p.Log.Length > 3000 ? p.Log[^3000..] : p.Log)}"));

    private GrpcChannel Channel { get; set; } = null!;

    public static async Task<ServicesBehindGateway> StartAsync(ServersFixture servers)
    {
        var m = new ServicesBehindGateway();
        try
        {
            Directory.CreateDirectory(m._folder);
            m.RabbitMq = m.Track(await RabbitMqServer.StartAsync(new ServerOptions(Path.Combine(m._folder, "rabbitmq")) { StartTimeout = TimeSpan.FromMinutes(5) }));
            m.Issuer = m.Track(await TestIssuer.StartAsync());
            var messaging = m.RabbitMq.ConnectionString;
            var (reviewsDb, nominationsDb, documentsDb, reportingDb) =
                (await servers.NewDatabaseAsync(), await servers.NewDatabaseAsync(), await servers.NewDatabaseAsync(), await servers.NewDatabaseAsync());
            // The four start side by side: on the shared two-core machine each start takes up to minutes.
            var reviews = ServiceProcess.StartAsync("Reviews.Api", m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:reviewsdb"] = reviewsDb,
                ["ConnectionStrings:messaging"] = messaging,
                ["Mail:PickupDirectory"] = Path.Combine(m._folder, "mail"),
            });
            var nominations = ServiceProcess.StartAsync("Nominations.Api", m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:nominationsdb"] = nominationsDb,
                ["ConnectionStrings:messaging"] = messaging,
            });
            var documents = ServiceProcess.DocumentsAsync(documentsDb, Path.Combine(m._folder, "documents"), m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:messaging"] = messaging,
            });
            Task<ServiceProcess>[] starting = [reviews, nominations, documents];
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                foreach (var service in starting.Where(t => t.IsCompletedSuccessfully))
                {
                    m.Track(service.Result);
                }
            }
            var started = starting.Select(t => t.Result).ToArray();
            // Reporting reads Reviews and Nominations directly for a rebuild (service discovery, as the AppHost sets it).
            var reporting = m.Track(await ServiceProcess.StartAsync("Reporting.Api", m.Issuer, new Dictionary<string, string?>
            {
                ["ConnectionStrings:reportingdb"] = reportingDb,
                ["ConnectionStrings:messaging"] = messaging,
                ["ConnectionStrings:redis"] = servers.Redis.ConnectionString,
                ["Reporting:Cache:KeyPrefix"] = "e2e-" + Guid.NewGuid().ToString("N"),
                ["services:reviews:grpc:0"] = started[0].GrpcAddress.ToString(),
                ["services:nominations:grpc:0"] = started[1].GrpcAddress.ToString(),
            }));
            var gateway = m.Track(await GatewayServer.StartForServicesAsync(m.Issuer, new Dictionary<string, string?>
            {
                ["services:reviews:grpc:0"] = started[0].GrpcAddress.ToString(),
                ["services:nominations:grpc:0"] = started[1].GrpcAddress.ToString(),
                ["services:documents:grpc:0"] = started[2].GrpcAddress.ToString(),
                ["services:documents:http:0"] = started[2].Address.ToString(),
                ["services:reporting:grpc:0"] = reporting.GrpcAddress.ToString(),
                ["services:reporting:http:0"] = reporting.Address.ToString(),
            }));
            m.Channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
            return m;
        }
        catch
        {
            await m.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Secretariat (a fresh token each time: the issuer's tokens live ten minutes).</summary>
    public Metadata Secretariat() => Issuer.Person("secretariat-e2e", "Secretariat", scope: AllScopes);

    /// <summary>A person Nominations registered, as the identity service would issue its token.</summary>
    public Metadata PersonOf(Nomination nomination) => Issuer.Person(
        nomination.PersonId,
        nomination.Role == ReviewMechanism.Events.V1.NominationRole.FocalPoint ? "FocalPoint" : "GovernmentalExpert",
        nomination.Party,
        scope: AllScopes);

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
