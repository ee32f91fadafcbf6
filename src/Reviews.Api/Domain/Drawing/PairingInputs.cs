namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// Everything a pairing draw depends on besides the seed. Candidates and parties are in ordinal ISO3 order,
/// so the same inputs and the same seed give the same pairs whatever order the caller listed them in.
/// </summary>
public sealed record PairingInputs(
    DateOnly AsOf,
    IReadOnlyList<DrawCandidate> Candidates,
    IReadOnlyList<string> PartiesUnderReview,
    IReadOnlyList<ReviewerLoad> FixedLoads,
    RedrawScope? Redraw,
    DrawRules Rules);
