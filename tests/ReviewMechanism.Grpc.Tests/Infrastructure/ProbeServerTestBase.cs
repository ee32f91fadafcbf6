namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>A test class with its own probe server (default options) and raw clients.</summary>
public abstract class ProbeServerTestBase : IAsyncLifetime
{
    protected const string Echo = "/reviewmechanism.testing.v1.ProbeService/Echo";
    protected const string Expand = "/reviewmechanism.testing.v1.ProbeService/Expand";
    protected const string Collect = "/reviewmechanism.testing.v1.ProbeService/Collect";
    protected const string Chat = "/reviewmechanism.testing.v1.ProbeService/Chat";
    protected const string Wait = "/reviewmechanism.testing.v1.ProbeService/Wait";
    protected const string Flood = "/reviewmechanism.testing.v1.ProbeService/Flood";

    protected GrpcTestServer Server { get; private set; } = null!;

    protected RawGrpcClient Client { get; private set; } = null!;

    protected ProbeObservations Observations => (ProbeObservations)Server.Services.GetService(typeof(ProbeObservations))!;

    public virtual async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        Client = new RawGrpcClient(Server.Http2Address);
    }

    protected virtual Task<GrpcTestServer> StartServerAsync() => ProbeServer.StartAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
