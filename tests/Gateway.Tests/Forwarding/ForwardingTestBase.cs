using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.Tests.Forwarding;

/// <summary>A test issuer per class; each test starts its raw backend(s) and a real gateway in front.</summary>
public abstract class ForwardingTestBase(ITestOutputHelper output) : IAsyncLifetime
{
    protected const string EchoPath = "/test.v1.EchoService/Call";

    private readonly List<IAsyncDisposable> _resources = [];

    protected ITestOutputHelper Output { get; } = output;

    protected TestIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await TestIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        _resources.Reverse();
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }
        await Issuer.DisposeAsync();
    }

    protected T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }

    protected async Task<RawBackend> BackendAsync(Func<HttpContext, Task> handler, string name = "backend", Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2) =>
        Track(await RawBackend.StartAsync(Output, name, protocols, handler));

    protected GatewayHost Gateway(ProxySettings settings, string name = "gateway") => Track(GatewayHost.Start(Issuer, settings, Output, name));

    /// <summary>A gateway with one anonymous route <c>/test.v1.EchoService/*</c> to the given h2c destinations.</summary>
    protected GatewayHost EchoGateway(IEnumerable<string> destinations, TimeSpan? activityTimeout = null, Action<ProxySettings>? configure = null)
    {
        var settings = new ProxySettings()
            .Route("echo", "/test.v1.EchoService/{**rest}", "echo")
            .GrpcCluster("echo", destinations, activityTimeout: activityTimeout);
        configure?.Invoke(settings);
        return Gateway(settings);
    }

    protected GatewayHost EchoGateway(RawBackend backend, TimeSpan? activityTimeout = null, Action<ProxySettings>? configure = null) =>
        EchoGateway([backend.Address.ToString()], activityTimeout, configure);
}
