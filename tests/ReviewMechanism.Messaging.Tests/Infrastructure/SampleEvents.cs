using Google.Protobuf.WellKnownTypes;
using ReviewMechanism.Events.V1;

namespace ReviewMechanism.Messaging.Tests.Infrastructure;

/// <summary>Real integration events from the contracts, with every kind of field set.</summary>
public static class SampleEvents
{
    public static PersonNominated PersonNominated(string party, string nominationId) => new()
    {
        NominationId = nominationId,
        Party = party,
        Role = NominationRole.GovernmentalExpert,
        Scope = new NominationScope { Kind = NominationScopeKind.SpecificReview, CountryReviewId = "cr-2026-" + party },
        PersonId = "person-" + nominationId,
        FullName = "Ana María Núñez",
        Title = "Prosecutor",
        Email = "ana.nunez@example.org",
        Gender = "female",
        EffectiveFrom = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero)),
        NominatedBy = "focal-point-" + party,
        Affiliation = "Attorney General's Office",
        Phone = "+43 1 234 567",
    };
}
