using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Tests.Consumers;
using ReviewMechanism.Messaging.Tests.Data;
using ReviewMechanism.Messaging.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReviewMechanism.Messaging.Tests;

public sealed class OutboxTests : IClassFixture<ServersFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServersFixture _servers;

    public OutboxTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _servers.Output.Attach(output);
    }

    public void Dispose() => _servers.Output.Attach(null);

    [Fact]
    public async Task AnEventStoredWithTheStateChangeIsPublishedOnlyAfterCommitWithTheRowIdAsMessageId()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await StartPublisherAsync();
        var sent = SampleEvents.PersonNominated("AUT", "n-1");

        await using var scope = publisher.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestServiceContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Nominations.Add(new Nomination { Id = "n-1", Party = "AUT", FullName = sent.FullName });
        var messageId = outbox.Add(sent);
        await db.SaveChangesAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(consumer.Deliveries.All);

        await transaction.CommitAsync();

        await Eventually.HoldsAsync(() => consumer.Deliveries.Of(nameof(DeliveryRecorder)).Count == 1, Patience, "the event to arrive");
        var delivery = consumer.Deliveries.Of(nameof(DeliveryRecorder)).Single();
        Assert.Equal(messageId, delivery.MessageId);
        Assert.Equal(sent, delivery.Message);
        var row = await publisher.QueryAsync(d => d.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId));
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("reviewmechanism.events.v1.PersonNominated", row.MessageType);
        await Eventually.HoldsAsync(
            async () => await consumer.QueryAsync(d => d.PartyTallies.AnyAsync(t => t.Party == "AUT" && t.Nominations == 1)),
            Patience, "the tally consumer to apply it");
    }

    [Fact]
    public async Task ARolledBackTransactionPublishesNothing()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await StartPublisherAsync();

        await publisher.InScopeAsync(async (db, outbox) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Nominations.Add(new Nomination { Id = "n-rolled-back", Party = "BRA", FullName = "Rolled Back" });
            outbox.Add(SampleEvents.PersonNominated("BRA", "n-rolled-back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        // A committed event afterwards: once it arrived, the rolled-back one would have too.
        var markerId = await publisher.InScopeAsync(async (db, outbox) =>
        {
            db.Nominations.Add(new Nomination { Id = "n-marker", Party = "CAN", FullName = "Marker" });
            var id = outbox.Add(SampleEvents.PersonNominated("CAN", "n-marker"));
            await db.SaveChangesAsync();
            return id;
        });

        await Eventually.HoldsAsync(() => consumer.Deliveries.Of(nameof(DeliveryRecorder)).Any(d => d.MessageId == markerId), Patience, "the marker event");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(consumer.Deliveries.All, d => d.Message.Party == "BRA");
        Assert.Equal(1, await publisher.QueryAsync(d => d.Set<OutboxMessage>().CountAsync()));
        Assert.False(await publisher.QueryAsync(d => d.Nominations.AnyAsync(n => n.Id == "n-rolled-back")));
    }

    [Fact]
    public async Task TwoRelayInstancesNeverPublishOneRowTwiceAndEachServiceGetsEveryEventOnce()
    {
        const int count = 240;
        var database = await _servers.CreateDatabaseAsync();
        var publisherName = Names.Service("noms");
        var replicatedName = Names.Service("reviews");
        var otherName = Names.Service("identity");
        await using var replicaA = await StartConsumerAsync(replicatedName);
        await using var replicaB = await StartConsumerAsync(replicatedName);
        await using var other = await StartConsumerAsync(otherName);
        await using var first = await TestService.StartAsync(publisherName, database, _servers.RabbitMq.ConnectionString, _servers.Output);
        await using var second = await TestService.StartAsync(publisherName, database, _servers.RabbitMq.ConnectionString, _servers.Output);

        var writes = Enumerable.Range(0, count / 20).Select(batch => (batch % 2 == 0 ? first : second).InScopeAsync(async (db, outbox) =>
        {
            for (var i = 0; i < 20; i++)
            {
                var id = $"n-{batch}-{i}";
                db.Nominations.Add(new Nomination { Id = id, Party = "DEU", FullName = id });
                outbox.Add(SampleEvents.PersonNominated("DEU", id));
            }
            await db.SaveChangesAsync();
            return batch;
        }));
        await Task.WhenAll(writes);

        IReadOnlyList<Delivery> Replicated() => [.. replicaA.Deliveries.Of(nameof(DeliveryRecorder)), .. replicaB.Deliveries.Of(nameof(DeliveryRecorder))];
        await Eventually.HoldsAsync(() => Replicated().Count >= count && other.Deliveries.Of(nameof(DeliveryRecorder)).Count >= count, Patience * 2, "every event in both services");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(count, Replicated().Count);
        Assert.Equal(count, Replicated().Select(d => d.MessageId).Distinct().Count());
        Assert.Equal(count, other.Deliveries.Of(nameof(DeliveryRecorder)).Count);
        Assert.Equal(count, other.Deliveries.Of(nameof(DeliveryRecorder)).Select(d => d.MessageId).Distinct().Count());
        Assert.NotEmpty(replicaA.Deliveries.All);
        Assert.NotEmpty(replicaB.Deliveries.All);
        var rows = await first.QueryAsync(d => d.Set<OutboxMessage>().ToListAsync());
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(rows.Select(r => r.Id).Order(), Replicated().Select(d => d.MessageId).Order());
    }

    private async Task<TestService> StartConsumerAsync(string? name = null) =>
        await TestService.StartAsync(
            name ?? Names.Service("tally"),
            await _servers.CreateDatabaseAsync(),
            _servers.RabbitMq.ConnectionString,
            _servers.Output,
            x =>
            {
                x.AddConsumer<PartyTallyConsumer>();
                x.AddConsumer<DeliveryRecorder>();
            });

    private async Task<TestService> StartPublisherAsync() =>
        await TestService.StartAsync(Names.Service("noms"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output);
}
