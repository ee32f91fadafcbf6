namespace Reviews.Api.Domain.Drawing;

/// <summary>What a redraw changes: the places drawn again, the reviewers kept and those that may not be drawn.</summary>
public sealed record RedrawScope(
    string PartyUnderReview,
    IReadOnlyList<ReviewerSlot> Slots,
    IReadOnlyList<string> KeptReviewers,
    IReadOnlyList<string> Excluded);
