using Nominations.Api.Domain.Reviews;

namespace Nominations.Api.Domain.Reports;

/// <summary>A party of a started review with nobody in a role for that review.</summary>
public sealed record MissingNomination(
    string CountryReviewId,
    string Party,
    Participation Participation,
    NominationRole Role,
    DateTimeOffset ReviewStartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset MissingSince,
    int DaysMissing,
    bool Overdue,
    int DaysOverdue)
{
    /// <summary>The blocker in words, e.g. "focal point of party KEN missing since 14 days (due 2026-01-15)".</summary>
    public string Describe() =>
        $"{PartyRoster.Words(Role)} of party {Party} missing since {DaysMissing} days" +
        (Overdue ? $" ({DaysOverdue} days past the deadline of {DueAt:yyyy-MM-dd})" : $" (due {DueAt:yyyy-MM-dd})");
}
