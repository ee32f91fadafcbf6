using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Domain.Reviews;

namespace Documents.Api.Domain.Access;

/// <summary>
/// The caller in one review: the capacities its nominations give it there (a party of the review, a role its token
/// also names, a scope that covers the review), and whether it is a focal point or expert of a party outside it.
/// </summary>
public sealed record AccessContext(Caller Caller, ReviewRecord Review, IReadOnlyList<Capacity> Capacities, bool IsOtherPartyFocalPointOrExpert)
{
    public static AccessContext For(Caller caller, ReviewRecord review, IEnumerable<NominationRecord> nominationsOfCaller)
    {
        var held = nominationsOfCaller
            .Where(n => n.IsActive && n.PersonId == caller.Subject && caller.Parties.Contains(n.Party) && caller.Holds(n.Role))
            .ToList();
        var capacities = held.Where(n => n.Covers(review)).Select(n => new Capacity(n.Party, n.Role)).Distinct().ToList();
        var outside = held.Any(n => !review.Includes(n.Party) && n.Role is PersonRole.FocalPoint or PersonRole.GovernmentalExpert);
        return new AccessContext(caller, review, capacities, outside);
    }

    public bool ActsFor(string party, Func<Capacity, bool>? filter = null) =>
        Capacities.Any(c => c.Party == party && (filter is null || filter(c)));

    public bool IsFocalPointOf(string party) => ActsFor(party, c => c.Role == PersonRole.FocalPoint);

    public bool WritesFor(string party) => ActsFor(party, c => c.Writes);
}
