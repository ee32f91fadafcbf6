namespace Reviews.Api.Domain.Drawing;

/// <summary>One reviewing place filled by a draw, with the additional reviewer completing it if one was needed.</summary>
public sealed record DrawnPlace(string PartyUnderReview, ReviewerSlot Slot, string Reviewer, AdditionalReviewer? Additional);
