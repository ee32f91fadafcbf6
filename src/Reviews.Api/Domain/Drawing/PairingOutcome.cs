namespace Reviews.Api.Domain.Drawing;

/// <summary>What a pairing draw produced: the places filled (in party order), the audit trail, the search effort.</summary>
public sealed record PairingOutcome(IReadOnlyList<DrawnPlace> Places, IReadOnlyList<SlotAudit> Audit, long SearchSteps)
{
    /// <summary>Complete pairings (both places drawn) per party under review, in ISO3 order.</summary>
    public IReadOnlyList<CountryPairing> Pairings() =>
        Places.GroupBy(p => p.PartyUnderReview)
            .Where(g => g.Any(p => p.Slot == ReviewerSlot.SameRegion) && g.Any(p => p.Slot == ReviewerSlot.OtherRegion))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var same = g.Single(p => p.Slot == ReviewerSlot.SameRegion);
                var other = g.Single(p => p.Slot == ReviewerSlot.OtherRegion);
                var additional = new[] { same.Additional, other.Additional }.OfType<AdditionalReviewer>().ToList();
                return new CountryPairing(g.Key, same.Reviewer, other.Reviewer, additional);
            })
            .ToList();

    /// <summary>True when both outcomes drew the same reviewers for the same places.</summary>
    public bool SamePlacesAs(PairingOutcome other) => Places.SequenceEqual(other.Places);
}
