namespace Nominations.Api.Domain.Reports;

/// <summary>Optional filters of the missing-nominations report (null: no filter).</summary>
public sealed record MissingNominationsFilter(string? Party, string? CountryReviewId, NominationRole? Role, bool OverdueOnly)
{
    public static MissingNominationsFilter All { get; } = new(null, null, null, false);
}
