using MassTransit;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.LocalServers;
using ReviewMechanism.Messaging.Recovery;
using ReviewMechanism.Messaging.Tests.Consumers;
using ReviewMechanism.Messaging.Tests.Data;
using ReviewMechanism.Messaging.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReviewMechanism.Messaging.Tests.Recovery;

public sealed class BusRestartTests : IClassFixture<ServersFixture>, IDisposable
{
    private readonly ServersFixture _servers;

    public BusRestartTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _servers.Output.Attach(output);
    }

    public void Dispose() => _servers.Output.Attach(null);

    [Fact]
    public async Task BusesRestartedByTheRecoveryConsumeAndPublishAgainOnANewConnection()
    {
        await using var consumer = await TestService.StartAsync(
            Names.Service("tally"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output,
            x => x.AddConsumer<PartyTallyConsumer>());
        await using var publisher = await TestService.StartAsync(
            Names.Service("noms"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output);
        await NominationEvents.StoreAsync(publisher, "before", 2);
        await Eventually.HoldsAsync(async () => await NominationEvents.TallyAsync(consumer) == 2, TimeSpan.FromSeconds(30), "the events before the restart");

        Assert.True(await RecoveryOf(consumer).RestartAsync(CancellationToken.None));
        Assert.True(await RecoveryOf(publisher).RestartAsync(CancellationToken.None));
        await NominationEvents.StoreAsync(publisher, "after", 3);

        await Eventually.HoldsAsync(async () => await NominationEvents.TallyAsync(consumer) == 5, TimeSpan.FromSeconds(60), "the events after the restart");
        foreach (var service in new[] { consumer, publisher })
        {
            var health = await service.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            Assert.Equal(BusHealthStatus.Healthy, health);
        }
        Assert.Equal(5, consumer.Deliveries.All.Select(d => d.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task TheBrokerProbeAnswersWhileRabbitMqRunsAndNotOnAClosedPort()
    {
        await using var service = await TestService.StartAsync(
            Names.Service("probe"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output);
        Assert.True(await service.Services.GetRequiredService<IBrokerProbe>().AnswersAsync(CancellationToken.None));

        var closed = new UriBuilder(_servers.RabbitMq.ConnectionString) { Port = PortAllocator.GetFreePort() }.Uri.ToString();
        var options = Microsoft.Extensions.Options.Options.Create(new Configuration.MessagingOptions { ConnectionString = closed, ServiceName = "probe" });
        Assert.False(await new RabbitMqBrokerProbe(options).AnswersAsync(CancellationToken.None));
    }

    private static BusRecovery RecoveryOf(TestService service) =>
        service.Services.GetRequiredService<BusRecovery>();
}
