using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>How one service calls another: AddServiceGrpcClient against a real server found by service discovery.</summary>
public sealed class GrpcClientTests : IAsyncLifetime
{
    private readonly ProbeBehaviour _behaviour = new();
    private GrpcTestHost _server = null!;
    private ServiceProvider _caller = null!;
    private string _clientName = null!;

    public async Task InitializeAsync()
    {
        _server = await GrpcTestHost.StartAsync(configure: b => b.Services.AddSingleton(_behaviour), map: a => a.MapGrpcService<ProbeServiceImpl>());
        // What the AppHost passes to a service that references "probe".
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:probe:grpc:0"] = _server.Address.ToString() })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        // As AddServiceDefaults does for every HttpClient.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        _clientName = services.AddServiceGrpcClient<ProbeService.ProbeServiceClient>("probe").Name;
        _caller = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ProbeService.ProbeServiceClient Client => _caller.GetRequiredService<ProbeService.ProbeServiceClient>();

    [Fact]
    public async Task TheClientFindsTheServiceByNameAndEveryCallHasADeadline()
    {
        var reply = await Client.EchoAsync(new EchoRequest { Text = "found" });

        Assert.Equal("found", reply.Text);
        Assert.True(reply.HasDeadline);
    }

    [Fact]
    public async Task AnIdempotentRpcIsRetriedWhileUnavailable()
    {
        _behaviour.UnavailablePings = 2;

        await Client.PingAsync(new Google.Protobuf.WellKnownTypes.Empty());

        Assert.Equal(3, _behaviour.PingCalls);
    }

    [Fact]
    public async Task ARpcTheProtoDoesNotDeclareIdempotentIsNeverRetried()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.EchoAsync(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = (int)StatusCode.Unavailable, StatusMessage = "down" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, _behaviour.EchoCalls);
    }

    [Fact]
    public void TheStandardHttpResilienceHandlerIsNotInTheGrpcClientsPipeline()
    {
        var handlers = new List<string>();
        HttpMessageHandler? handler = _caller.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(_clientName);
        while (handler is DelegatingHandler delegating)
        {
            handlers.Add(delegating.GetType().Name);
            handler = delegating.InnerHandler;
        }

        Assert.NotEmpty(handlers);
        Assert.DoesNotContain(handlers, h => h.Contains("Resilience", StringComparison.Ordinal));
    }
}
