namespace Reviews.Api.Domain.Drawing;

/// <summary>The configurable rules in force for one draw, recorded with it so a replay applies the same ones.</summary>
public sealed record DrawRules(int WorkloadCap, bool AdditionalReviewerKeepsSlotRegion, IReadOnlyList<AffinityRule> Affinities, long MaxSearchSteps)
{
    public static DrawRules From(DrawingOfLotsOptions options) => new(
        options.WorkloadCapPerGroup,
        options.AdditionalReviewerKeepsSlotRegion,
        options.RegionalAffinity.UnaffiliatedParties
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new AffinityRule(p.Key, p.Value.Distinct().OrderBy(g => g).ToList()))
            .ToList(),
        options.MaxSearchSteps);

    /// <summary>The rules in words, for the audit record and the published pairings.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            "Two reviewers per party under review: one from its own regional group, one from a different group (para 28).",
            "No party reviews itself, and a party holds at most one place in a review.",
            "For every Protocol the party under review is party to, each reviewing place is held by a party to it; when a drawn reviewer is not, an additional reviewer party to the missing instruments is drawn for those instruments only"
                + (AdditionalReviewerKeepsSlotRegion ? ", from the same side (same or other region) as the reviewer it completes." : ", from any region."),
            $"Workload cap: no party reviews more than {WorkloadCap} parties in one group.",
        };
        foreach (var affinity in Affinities)
        {
            lines.Add($"{affinity.Iso3} is in no regional group and counts as a member of {string.Join(" and ", affinity.Groups.Select(g => Parties.RegionalGroups.Code(g)))} for the regional rule.");
        }
        return lines;
    }
}
