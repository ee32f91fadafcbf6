using Gateway.Tests.Infrastructure;
using Grpc.Net.Client;
using ReviewMechanism.Documents.V1;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// The Documents service (in this process, on its own Kestrel ports, validating tokens with JwtBearer as in
/// production) behind the real gateway (its appsettings.json routes, token validation and forwarding), with a test
/// token issuer both trust. Calls go to the gateway's gRPC port only.
/// </summary>
public sealed class DocumentsBehindGateway : IAsyncDisposable
{
    private DocumentsBehindGateway(TestIssuer issuer, DocumentsServiceHost service, GatewayHost gateway)
    {
        Issuer = issuer;
        Service = service;
        Gateway = gateway;
        Channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 4 * 1024 * 1024 });
        Documents = new DocumentsService.DocumentsServiceClient(Channel);
        Profiles = new CountryProfilesService.CountryProfilesServiceClient(Channel);
    }

    public TestIssuer Issuer { get; }

    public DocumentsServiceHost Service { get; }

    public GatewayHost Gateway { get; }

    public GrpcChannel Channel { get; }

    public DocumentsService.DocumentsServiceClient Documents { get; }

    public CountryProfilesService.CountryProfilesServiceClient Profiles { get; }

    public static async Task<DocumentsBehindGateway> StartAsync(DocumentsHarness h, IDictionary<string, string?>? settings = null)
    {
        var issuer = await TestIssuer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = issuer.Address.ToString(),
            ["Identity:Issuer"] = TestIssuer.Issuer,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var service = await DocumentsServiceHost.StartAsync(h.ConnectionString, h.DataDirectory, all);
        var gateway = GatewayHost.Start(issuer, Routes(service.GrpcAddress, service.Address));
        return new DocumentsBehindGateway(issuer, service, gateway);
    }

    /// <summary>Where the gateway finds the service, as the AppHost's environment tells it (service discovery).</summary>
    public static Dictionary<string, string?> Routes(Uri grpc, Uri http) => new()
    {
        ["services:documents:grpc:0"] = grpc.ToString(),
        ["services:documents:http:0"] = http.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Gateway.DisposeAsync();
        await Service.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
