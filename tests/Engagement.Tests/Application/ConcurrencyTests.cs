using Engagement.Api.Domain.Applications;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Engagement.Tests.Application;

/// <summary>Many applications at once against a real PostgreSQL: capacity holds, none lost, none twice.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ConcurrentApplicationsNeverExceedCapacityAndTheWaitlistFollowsArrivalOrder()
    {
        const int applications = 1_500;
        const int seats = 50;
        await using var engagement = await EngagementHost.StartAsync(postgres, DateTimeOffset.Parse("2027-01-10T09:00:00Z"));
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15), inPerson: seats, automatic: true), null));

        // Every application sent twice at once (a client retrying): the key makes the second one return the first.
        // 48 in flight at a time, fewer than the connection pool holds, as the service's request queue would.
        using var inFlight = new SemaphoreSlim(48);
        var calls = Enumerable.Range(1, applications).SelectMany(i => new[] { i, i }).Select(i => Task.Run(async () =>
        {
            await inFlight.WaitAsync();
            try
            {
                return await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, i), Samples.Partner));
            }
            finally
            {
                inFlight.Release();
            }
        }));
        var results = await Task.WhenAll(calls);

        var stored = await engagement.DbAsync(db => db.Applications.AsNoTracking().OrderBy(a => a.ArrivalNumber).ToListAsync());
        Assert.Equal(applications, stored.Count);
        Assert.Equal(applications, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seats, stored.Count(a => a.Status == ApplicationStatus.ApprovedInPerson));
        Assert.Equal(applications - seats, stored.Count(a => a.Status == ApplicationStatus.Waitlisted));
        // The approved ones arrived first; the waitlist is in arrival order.
        Assert.All(stored.Take(seats), a => Assert.Equal(ApplicationStatus.ApprovedInPerson, a.Status));
        Assert.Equal(stored.Skip(seats).Select(a => a.ArrivalNumber), stored.Skip(seats).Select(a => a.WaitlistNumber));
        Assert.Equal(seats, (await engagement.Dialogues(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
    }
}
