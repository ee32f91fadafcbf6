using Nominations.Api.Domain.Reviews;

namespace Nominations.Api.Domain.Reports;

/// <summary>
/// Which parties of started reviews have no focal point, or no governmental expert, covering the review:
/// a nomination covers a review when its scope is that review, or the party's own review (for the party
/// under review), or its reviewer roles (for a reviewing party). Deadlines count from the review's start.
/// </summary>
public static class MissingNominationsReport
{
    private static readonly NominationRole[] RolesWithDeadline = [NominationRole.FocalPoint, NominationRole.GovernmentalExpert];

    public static IReadOnlyList<MissingNomination> Compute(
        IEnumerable<CountryReviewInfo> reviews,
        IEnumerable<Nomination> nominations,
        NominationDeadlines deadlines,
        DateTimeOffset now,
        MissingNominationsFilter filter)
    {
        var byParty = nominations.ToLookup(n => n.Party, StringComparer.Ordinal);
        var result = new List<MissingNomination>();
        foreach (var review in reviews.Where(r => r.HasStartedBy(now)).OrderBy(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (filter.CountryReviewId is not null && filter.CountryReviewId != review.Id)
            {
                continue;
            }
            var start = review.StartedAt!.Value;
            foreach (var (party, participation) in review.Participants())
            {
                if (filter.Party is not null && filter.Party != party)
                {
                    continue;
                }
                foreach (var role in RolesWithDeadline.Where(r => filter.Role is null || filter.Role == r))
                {
                    var covering = byParty[party].Where(n => n.Role == role && n.Scope.Covers(review, party)).ToList();
                    if (covering.Any(n => n.WasActiveAt(now)))
                    {
                        continue;
                    }
                    var lastEnd = covering.Where(n => n.EffectiveUntil <= now).Max(n => n.EffectiveUntil);
                    var missingSince = lastEnd is { } end && end > start ? end : start;
                    var due = start + deadlines.For(role);
                    var overdue = now > due;
                    var overdueFrom = missingSince > due ? missingSince : due;
                    var item = new MissingNomination(
                        review.Id, party, participation, role, start, due, missingSince,
                        WholeDays(now - missingSince), overdue, overdue ? WholeDays(now - overdueFrom) : 0);
                    if (!filter.OverdueOnly || item.Overdue)
                    {
                        result.Add(item);
                    }
                }
            }
        }
        return result;
    }

    private static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)Math.Floor(span.TotalDays);
}
