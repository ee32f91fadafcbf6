using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// One place filled by the draw, in the order the draw filled them: who could have been drawn, who was,
/// and every other party with the reason it was excluded at that moment.
/// </summary>
public sealed record SlotAudit(
    int Order,
    string PartyUnderReview,
    ReviewerSlot Slot,
    bool Additional,
    InstrumentSet Instruments,
    string Drawn,
    int EligibleCount,
    IReadOnlyList<CandidateExclusion> Excluded);
