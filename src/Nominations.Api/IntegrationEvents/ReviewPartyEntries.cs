using ReviewMechanism.Events.V1;

namespace Nominations.Api.IntegrationEvents;

/// <summary>Reads the parties of a review from the Reviews service's event entries.</summary>
public static class ReviewPartyEntries
{
    public const string PartyUnderReviewRole = "PARTY_UNDER_REVIEW";

    public static string? PartyUnderReview(IEnumerable<ReviewPartyEntry> entries) =>
        entries.FirstOrDefault(e => e.Role == PartyUnderReviewRole)?.Party;

    public static IEnumerable<string?> Reviewers(IEnumerable<ReviewPartyEntry> entries) =>
        entries.Where(e => e.Role != PartyUnderReviewRole).Select(e => (string?)e.Party);
}
