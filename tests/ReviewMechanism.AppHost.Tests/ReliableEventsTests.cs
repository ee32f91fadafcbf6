using Google.Rpc;
using Grpc.Core;
using ReviewMechanism.AppHost.Tests.Infrastructure;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>
/// Integration events across real processes: nominations stores PersonNominated in its outbox with the
/// nomination, relays it to RabbitMQ; identity creates the pending account through its inbox. The stack is the one
/// the other whole-stack tests use: each test here waits until what it killed or stopped is healthy again (identity
/// keeps its signing keys in its database, so tokens stay valid across its restart).
/// </summary>
[Collection(MechanismCollection.Name)]
public sealed class ReliableEventsTests(MechanismStack stack)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Restart = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task AnEventPublishedByNominationsIsConsumedByIdentityAcrossRabbitMq()
    {
        var nomination = await stack.NominateExpertAsync("AUT", "single", 1);

        Assert.True(
            await MechanismStack.EventuallyAsync(async () => (await stack.AccountPersonsAsync([nomination.PersonId])).Count == 1, Delivery),
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
                // kill -9 of the consumer mid-flow; started again, as from the dashboard, while events keep coming.
                await stack.App.KillServiceAsync("identity");
                identityKilled = true;
                _ = stack.App.StartResourceAsync("identity", Restart);
            }
            if (done == 24 && !nominationsKilled)
            {
                // A restarted service fetches identity's signing keys before it accepts a token: kill the publisher
                // once the consumer is back, or its first calls are refused as unauthenticated.
                await WaitHealthyAsync("identity");
                await stack.App.KillServiceAsync("nominations");
                nominationsKilled = true;
                _ = stack.App.StartResourceAsync("nominations", Restart);
            }
            try
            {
                await stack.NominateExpertAsync("BRA", "crash", i);
                done++;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                // An earlier attempt was committed although its caller saw a failure: that person is nominated.
                Assert.Equal("PERSON_ALREADY_NOMINATED", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
                done++;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.DeadlineExceeded)
            {
                // The publisher is down (or was killed mid-call): try the same person again once it is back.
                failures++;
                i--;
                Assert.True(failures < 2000, $"nominations did not come back: {e.Status}\n{stack.App.Describe("nominations")}");
                await Task.Delay(250);
            }
        }
        await WaitHealthyAsync("identity");
        await WaitHealthyAsync("nominations");

        // What nominations committed is the truth; each of those people gets exactly one account.
        var nominated = await stack.NominatedPersonsAsync("BRA");
        Assert.True(nominated.Count >= total, $"{nominated.Count} nominations stored");
        List<string> accounts = [];
        var delivered = await MechanismStack.EventuallyAsync(async () => (accounts = await stack.AccountPersonsAsync(nominated)).Count >= nominated.Count, Delivery);
        Assert.True(delivered, $"{accounts.Count} accounts for {nominated.Count} nominations: events were lost");
        Assert.Equal(nominated.Order(), accounts.Order());

        Assert.True(
            await MechanismStack.EventuallyAsync(async () => await stack.ScalarAsync("nominationsdb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, Delivery),
            "the outbox did not drain");
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

            await stack.App.StartResourceAsync("messaging", Restart);

            Assert.True(
                await MechanismStack.EventuallyAsync(async () => (await stack.AccountPersonsAsync(nominated)).Count == nominated.Count, Delivery),
                $"accounts after the broker came back: {(await stack.AccountPersonsAsync(nominated)).Count} of {nominated.Count}");
            Assert.True(
                await MechanismStack.EventuallyAsync(async () => await stack.ScalarAsync("nominationsdb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0, Delivery),
                "the outbox did not drain");
        }
        finally
        {
            if (!stack.App.IsHealthy("messaging"))
            {
                await stack.App.StartResourceAsync("messaging", Restart);
            }
        }
    }

    private Task WaitHealthyAsync(string resource) => stack.App.WaitHealthyAsync(resource, Restart);
}
