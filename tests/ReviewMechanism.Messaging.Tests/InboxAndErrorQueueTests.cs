using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Tests.Consumers;
using ReviewMechanism.Messaging.Tests.Data;
using ReviewMechanism.Messaging.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReviewMechanism.Messaging.Tests;

public sealed class InboxAndErrorQueueTests : IClassFixture<ServersFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServersFixture _servers;

    public InboxAndErrorQueueTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _servers.Output.Attach(output);
    }

    public void Dispose() => _servers.Output.Attach(null);

    [Fact]
    public async Task AnEventRelayedAgainAfterACrashIsDeliveredTwiceButAppliedOnce()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await StartPublisherAsync();
        var messageId = await StoreAsync(publisher, "FRA", "n-fra-1");
        await Eventually.HoldsAsync(() => Recorded(consumer, messageId) == 1, Patience, "the first delivery");
        await Eventually.HoldsAsync(async () => await TallyAsync(consumer, "FRA") == 1, Patience, "the tally to count it");

        // The relay died after the broker confirmed but before it marked the row sent: it publishes again.
        await publisher.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null)));

        await Eventually.HoldsAsync(() => Recorded(consumer, messageId) == 2, Patience, "the redelivery");
        await Eventually.HoldsAsync(async () => await publisher.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == messageId && m.SentAt != null)), Patience, "the row marked sent again");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await TallyAsync(consumer, "FRA"));
        Assert.Single(consumer.Deliveries.Of(nameof(PartyTallyConsumer)));
        Assert.Equal(1, await consumer.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
        Assert.Equal(0, await consumer.ErrorQueues.CountAsync(TallyQueue(consumer)));
    }

    [Fact]
    public async Task ConcurrentDuplicatesOfOneMessageAreAppliedOnce()
    {
        await using var consumer = await StartConsumerAsync();
        var messageId = Guid.NewGuid();
        var applications = 0;

        async Task<bool> ApplyAsync()
        {
            await using var scope = consumer.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestServiceContext>();
            return await db.ApplyOnceAsync(messageId, "concurrent-test", "reviewmechanism.events.v1.PersonNominated", async ct =>
            {
                Interlocked.Increment(ref applications);
                db.PartyTallies.Add(new PartyTally { Party = "GHA", Nominations = 1 });
                await Task.Delay(300, ct);
            });
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ApplyAsync)));

        Assert.Single(results, applied => applied);
        Assert.Equal(1, await TallyAsync(consumer, "GHA"));
    }

    [Fact]
    public async Task APoisonMessageEndsInTheErrorQueueAndIsAppliedWhenReplayedAfterTheFix()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await StartPublisherAsync();
        var queue = TallyQueue(consumer);
        consumer.Poison.Fail("ZZZ");

        var poisonId = await StoreAsync(publisher, "ZZZ", "n-zzz-1");
        var healthyId = await StoreAsync(publisher, "ITA", "n-ita-1");

        await Eventually.HoldsAsync(async () => await consumer.ErrorQueues.CountAsync(queue) == 1, Patience, "the poison message in the error queue");
        await Eventually.HoldsAsync(async () => await TallyAsync(consumer, "ITA") == 1, Patience, "the healthy message applied");
        Assert.Equal(0, await TallyAsync(consumer, "ZZZ"));
        Assert.Equal(3, consumer.Poison.Attempts("ZZZ")); // a failure that is not a refusal is retried (RetryLimit = 2) first
        var counts = await consumer.ErrorQueues.CountAllAsync();
        Assert.Contains(counts, c => c.Queue == queue && c.ErrorQueue == queue + "_error" && c.Messages == 1);
        var faulted = Assert.Single(await consumer.ErrorQueues.PeekAsync(queue));
        Assert.Equal(poisonId.ToString(), faulted.MessageId);
        Assert.Contains("cannot be counted", faulted.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal("urn:message:ReviewMechanism.Events.V1:PersonNominated", faulted.MessageType);
        Assert.Equal(1, await consumer.ErrorQueues.CountAsync(queue));

        consumer.Poison.Heal("ZZZ");
        var moved = await consumer.ErrorQueues.ReplayAsync(queue);

        Assert.Equal(1, moved);
        await Eventually.HoldsAsync(async () => await TallyAsync(consumer, "ZZZ") == 1, Patience, "the replayed message applied");
        Assert.Equal(0, await consumer.ErrorQueues.CountAsync(queue));
        Assert.Contains(consumer.Deliveries.Of(nameof(PartyTallyConsumer)), d => d.MessageId == poisonId);
        Assert.Contains(consumer.Deliveries.Of(nameof(PartyTallyConsumer)), d => d.MessageId == healthyId);
    }

    [Fact]
    public async Task ARefusedEventGoesToTheErrorQueueAtOnceWithoutRetriesAndNothingOfItIsStored()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await StartPublisherAsync();
        var queue = TallyQueue(consumer);
        consumer.Poison.Refuse("XXX");

        var refusedId = await StoreAsync(publisher, "XXX", "n-xxx-1");

        await Eventually.HoldsAsync(async () => await consumer.ErrorQueues.CountAsync(queue) == 1, Patience, "the refused event in the error queue");
        Assert.Equal(1, consumer.Poison.Attempts("XXX"));
        Assert.Equal(0, await TallyAsync(consumer, "XXX"));
        Assert.Equal(0, await consumer.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == refusedId)));
        var faulted = Assert.Single(await consumer.ErrorQueues.PeekAsync(queue));
        Assert.Equal(refusedId.ToString(), faulted.MessageId);
        Assert.Contains("not a party this service counts", faulted.ExceptionMessage, StringComparison.Ordinal);

        consumer.Poison.Heal("XXX");
        Assert.Equal(1, await consumer.ErrorQueues.ReplayAsync(queue));
        await Eventually.HoldsAsync(async () => await TallyAsync(consumer, "XXX") == 1, Patience, "the replayed event applied");
    }

    [Fact]
    public async Task AQueueWithoutErrorsCountsZeroAndReplaysNothing()
    {
        await using var consumer = await StartConsumerAsync();
        var queue = TallyQueue(consumer);

        Assert.Equal(0, await consumer.ErrorQueues.CountAsync(queue));
        Assert.Equal(0, await consumer.ErrorQueues.ReplayAsync(queue));
        Assert.Empty(await consumer.ErrorQueues.PeekAsync(queue));
        await Assert.ThrowsAsync<ArgumentException>(() => consumer.ErrorQueues.CountAsync(queue + "_error"));
    }

    private static string TallyQueue(TestService consumer) =>
        Assert.Single(consumer.ErrorQueues.ReceiveQueues, q => q.EndsWith(".party-tally", StringComparison.Ordinal));

    private static int Recorded(TestService consumer, Guid messageId) =>
        consumer.Deliveries.Of(nameof(DeliveryRecorder)).Count(d => d.MessageId == messageId);

    private static Task<int> TallyAsync(TestService consumer, string party) =>
        consumer.QueryAsync(async db => (await db.PartyTallies.SingleOrDefaultAsync(t => t.Party == party))?.Nominations ?? 0);

    private static Task<Guid> StoreAsync(TestService publisher, string party, string nominationId) =>
        publisher.InScopeAsync(async (db, outbox) =>
        {
            db.Nominations.Add(new Nomination { Id = nominationId, Party = party, FullName = nominationId });
            var id = outbox.Add(SampleEvents.PersonNominated(party, nominationId));
            await db.SaveChangesAsync();
            return id;
        });

    private async Task<TestService> StartConsumerAsync() =>
        await TestService.StartAsync(
            Names.Service("tally"),
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
