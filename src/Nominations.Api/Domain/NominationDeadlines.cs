namespace Nominations.Api.Domain;

/// <summary>
/// Deadlines after a review starts (Guidelines: focal point within two weeks, experts within four).
/// Bound from configuration section <c>Nominations:Deadlines</c>.
/// </summary>
public sealed class NominationDeadlines
{
    public const string SectionName = "Nominations:Deadlines";

    public TimeSpan FocalPoint { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan GovernmentalExperts { get; set; } = TimeSpan.FromDays(28);

    public TimeSpan For(NominationRole role) => role switch
    {
        NominationRole.FocalPoint => FocalPoint,
        NominationRole.GovernmentalExpert => GovernmentalExperts,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only focal points and experts have a deadline."),
    };
}
