using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Tests.Data;

namespace ReviewMechanism.Messaging.Tests.Infrastructure;

/// <summary>What the broker tests store (nominations of MEX with their PersonNominated events) and count (MEX's tally).</summary>
public static class NominationEvents
{
    public static Task<int> TallyAsync(TestService consumer) =>
        consumer.QueryAsync(async db => (await db.PartyTallies.SingleOrDefaultAsync(t => t.Party == "MEX"))?.Nominations ?? 0);

    /// <summary>Stores <paramref name="count"/> nominations and their events in one transaction; the events' outbox ids in order.</summary>
    public static Task<List<Guid>> StoreAsync(TestService publisher, string prefix, int count) =>
        publisher.InScopeAsync(async (db, outbox) =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                db.Nominations.Add(new Nomination { Id = $"{prefix}-{i}", Party = "MEX", FullName = prefix });
                ids.Add(outbox.Add(SampleEvents.PersonNominated("MEX", $"{prefix}-{i}")));
            }
            await db.SaveChangesAsync();
            return ids;
        });
}
