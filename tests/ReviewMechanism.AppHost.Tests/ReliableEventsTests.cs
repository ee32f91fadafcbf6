using Grpc.Core;
using ReviewMechanism.AppHost.Tests.Infrastructure;
using ReviewMechanism.Hosting.Testing;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>
/// Integration events across real processes: nominations stores PersonNominated in its outbox with the
/// nomination, relays it to RabbitMQ; identity creates the pending account through its inbox.
/// </summary>
public sealed class ReliableEventsTests(EventsStack stack) : IClassFixture<EventsStack>
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnEventPublishedByNominationsIsConsumedByIdentityAcrossRabbitMq()
    {
        var nomination = await stack.NominateExpertAsync("AUT", "single", 1);

        Assert.True(
            await EventsStack.EventuallyAsync(async () => (await stack.AccountPersonsAsync([nomination.PersonId])).Count == 1, Delivery),
            "identity created no account for the nominated person");
    }

    [Fact]
    public async Task KillingTheConsumerAndThePublisherWhileEventsFlowLosesNoEventAndAppliesNoneTwice()
    {
        const int total = 40;
        var done = 0;
        var failures = 0;
        bool identityKilled = false, nominationsKilled = false;
        for (var i = 0; i < total; i++)
        {
            if (done == 12 && !identityKilled)
            {
                stack.App.KillResource("identity");
                identityKilled = true;
            }
            if (done == 24 && !nominationsKilled)
            {
                // A restarted service fetches identity's signing keys before it accepts a token: kill the publisher
                // once the consumer is back, or its first calls are refused as unauthenticated.
                await stack.App.WaitForResourceHealthyAsync("identity", TimeSpan.FromMinutes(2));
                stack.App.KillResource("nominations");
                nominationsKilled = true;
            }
            try
            {
                await stack.NominateExpertAsync("BRA", "crash", i);
                done++;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.AlreadyExists)
            {
                // The publisher is down (or was killed mid-call): try the same person again once it is back.
                failures++;
                i--;
                Assert.True(failures < 400, $"nominations did not come back: {e.Status}\n{stack.Describe("nominations")}");
                await Task.Delay(250);
            }
        }
        await stack.App.WaitForResourceHealthyAsync("identity", TimeSpan.FromMinutes(2));
        await stack.App.WaitForResourceHealthyAsync("nominations", TimeSpan.FromMinutes(2));

        var restarts = stack.App.GetSnapshots().Where(s => s.Resource is "identity" or "nominations").ToDictionary(s => s.Resource, s => s.RestartCount);
        Assert.True(restarts["identity"] >= 1 && restarts["nominations"] >= 1, $"restarts: {string.Join(", ", restarts)}");

        // What nominations committed is the truth; each of those people gets exactly one account.
        var nominated = await stack.NominatedPersonsAsync("BRA");
        Assert.True(nominated.Count >= total, $"{nominated.Count} nominations stored");
        List<string> accounts = [];
        var delivered = await EventsStack.EventuallyAsync(async () => (accounts = await stack.AccountPersonsAsync(nominated)).Count >= nominated.Count, Delivery);
        Assert.True(delivered, $"{accounts.Count} accounts for {nominated.Count} nominations: events were lost");
        Assert.Equal(nominated.Order(), accounts.Order());

        Assert.Equal(0, await stack.ScalarAsync("nominationsdb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"));
        // The inbox saw every message once, whatever RabbitMQ redelivered after the kill.
        Assert.Equal(
            await stack.ScalarAsync("identitydb", "SELECT count(DISTINCT message_id) FROM inbox_messages"),
            await stack.ScalarAsync("identitydb", "SELECT count(*) FROM inbox_messages"));
    }

    [Fact]
    public async Task EventsPublishedWhileRabbitMqIsDownWaitInTheOutboxAndDrainWhenItReturns()
    {
        await stack.App.StopResourceAsync("messaging");
        try
        {
            var nominated = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                nominated.Add((await stack.NominateExpertAsync("FRA", "outage", i)).PersonId);
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.True(await stack.ScalarAsync("nominationsdb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") >= 10);
            Assert.Empty(await stack.AccountPersonsAsync(nominated));

            await stack.App.StartResourceAsync("messaging");
            await stack.App.WaitForResourceHealthyAsync("messaging", TimeSpan.FromMinutes(2));

            Assert.True(
                await EventsStack.EventuallyAsync(async () => (await stack.AccountPersonsAsync(nominated)).Count == nominated.Count, TimeSpan.FromSeconds(90)),
                $"accounts after the broker came back: {(await stack.AccountPersonsAsync(nominated)).Count} of {nominated.Count}");
            Assert.True(
                await EventsStack.EventuallyAsync(async () => await stack.ScalarAsync("nominationsdb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, Delivery),
                "the outbox did not drain");
        }
        finally
        {
            if (!stack.App.GetSnapshots().Single(s => s.Resource == "messaging").IsHealthy)
            {
                await stack.App.StartResourceAsync("messaging");
            }
        }
    }
}
