using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;

namespace Reviews.Tests.Support;

/// <summary>
/// Checks a group's pairings against the rules of para 28, written independently of the solver: it returns
/// every broken rule in words (empty when all hold).
/// </summary>
public static class PairingChecker
{
    public static List<string> Violations(
        IReadOnlyList<CountryPairing> pairings,
        IReadOnlyList<string> partiesUnderReview,
        IReadOnlyList<DrawCandidate> candidates,
        DrawingOfLotsOptions options)
    {
        var problems = new List<string>();
        var lookup = Lookup(candidates, options);
        var byIso = lookup.ByIso;
        bool Same(string a, string b) => lookup.Regions[a].Overlaps(lookup.Regions[b]);

        var drawn = pairings.Select(p => p.PartyUnderReview).Order(StringComparer.Ordinal).ToList();
        if (!drawn.SequenceEqual(partiesUnderReview.Order(StringComparer.Ordinal)))
        {
            problems.Add("the pairings do not cover each party under review exactly once");
        }
        var load = new Dictionary<string, int>();
        foreach (var p in pairings)
        {
            var pur = p.PartyUnderReview;
            var reviewers = p.Reviewers().ToList();
            if (reviewers.Contains(pur))
            {
                problems.Add($"{pur} reviews itself");
            }
            if (reviewers.Distinct().Count() != reviewers.Count)
            {
                problems.Add($"{pur}: a party holds two places ({string.Join(",", reviewers)})");
            }
            if (!Same(pur, p.SameRegionReviewer))
            {
                problems.Add($"{pur}: same-region reviewer {p.SameRegionReviewer} is from another region");
            }
            if (Same(pur, p.OtherRegionReviewer))
            {
                problems.Add($"{pur}: other-region reviewer {p.OtherRegionReviewer} is from the same region");
            }
            var needed = byIso[pur].Instruments;
            foreach (var slot in new[] { ReviewerSlot.SameRegion, ReviewerSlot.OtherRegion })
            {
                var reviewer = p.ReviewerIn(slot);
                var missing = needed.Except(byIso[reviewer].Instruments);
                var additional = p.AdditionalReviewers.Where(a => a.ForSlot == slot).ToList();
                if (missing.IsEmpty && additional.Count > 0)
                {
                    problems.Add($"{pur}: additional reviewer for {slot} although {reviewer} covers every instrument");
                }
                if (!missing.IsEmpty)
                {
                    if (additional.Count != 1)
                    {
                        problems.Add($"{pur}: {reviewer} ({slot}) is not party to {missing} and {additional.Count} additional reviewers complete it");
                        continue;
                    }
                    var a = additional[0];
                    if (a.Instruments != missing)
                    {
                        problems.Add($"{pur}: additional reviewer {a.Iso3} reviews {a.Instruments}, not exactly the missing {missing}");
                    }
                    if (!byIso[a.Iso3].Instruments.IsSupersetOf(missing))
                    {
                        problems.Add($"{pur}: additional reviewer {a.Iso3} is not party to {missing}");
                    }
                    if (options.AdditionalReviewerKeepsSlotRegion && Same(pur, a.Iso3) != (slot == ReviewerSlot.SameRegion))
                    {
                        problems.Add($"{pur}: additional reviewer {a.Iso3} is not on the side of the place it completes ({slot})");
                    }
                }
            }
            foreach (var r in reviewers)
            {
                load[r] = load.GetValueOrDefault(r) + 1;
            }
        }
        foreach (var (party, reviews) in load.Where(l => l.Value > options.WorkloadCapPerGroup))
        {
            problems.Add($"{party} reviews {reviews} parties in the group, over the cap of {options.WorkloadCapPerGroup}");
        }
        return problems;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<DrawCandidate>, CandidateLookup> Lookups = new();

    private static CandidateLookup Lookup(IReadOnlyList<DrawCandidate> candidates, DrawingOfLotsOptions options) =>
        Lookups.GetValue(candidates, list =>
        {
            var byIso = list.ToDictionary(c => c.Iso3);
            var regions = list.ToDictionary(
                c => c.Iso3,
                c => c.Group != RegionalGroup.None ? new HashSet<RegionalGroup> { c.Group }
                    : options.RegionalAffinity.UnaffiliatedParties.TryGetValue(c.Iso3, out var groups) ? [.. groups] : []);
            return new CandidateLookup(byIso, regions);
        });

    private sealed record CandidateLookup(Dictionary<string, DrawCandidate> ByIso, Dictionary<string, HashSet<RegionalGroup>> Regions);
}
