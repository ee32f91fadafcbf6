using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Tests.Consumers;
using ReviewMechanism.Messaging.Tests.Data;
using ReviewMechanism.Messaging.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReviewMechanism.Messaging.Tests;

public sealed class BrokerOutageTests : IClassFixture<ServersFixture>, IDisposable
{
    private readonly ServersFixture _servers;

    public BrokerOutageTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _servers.Output.Attach(output);
    }

    public void Dispose() => _servers.Output.Attach(null);

    [Fact]
    public async Task TheRelayRetriesWhileRabbitMqIsDownAndDrainsTheOutboxAfterItRestarts()
    {
        const int count = 12;
        await using var consumer = await TestService.StartAsync(
            Names.Service("tally"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output,
            x => x.AddConsumer<PartyTallyConsumer>());
        await using var publisher = await TestService.StartAsync(
            Names.Service("noms"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output);
        var before = await NominationEvents.StoreAsync(publisher, "before", 2);
        await Eventually.HoldsAsync(async () => await NominationEvents.TallyAsync(consumer) == 2, TimeSpan.FromSeconds(30), "the events before the outage");

        await _servers.StopRabbitMqAsync();
        var during = await NominationEvents.StoreAsync(publisher, "during", count);
        await Eventually.HoldsAsync(
            async () => await publisher.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null && m.Attempts >= 2 && m.LastError != null)),
            TimeSpan.FromSeconds(60), "the relay to have tried and failed at least twice");
        Assert.Equal(count, await publisher.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));

        await _servers.StartRabbitMqAgainAsync();

        await Eventually.HoldsAsync(async () => await NominationEvents.TallyAsync(consumer) == 2 + count, TimeSpan.FromSeconds(120), "the outbox to drain after the restart");
        var rows = await publisher.QueryAsync(db => db.Set<OutboxMessage>().ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.Equal([.. before, .. during], rows.OrderBy(r => r.Sequence).Select(r => r.Id));
        Assert.Equal((2 + count), consumer.Deliveries.All.Select(d => d.MessageId).Distinct().Count());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2 + count, await NominationEvents.TallyAsync(consumer));
    }
}
