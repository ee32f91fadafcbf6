namespace Reporting.Api.Data.ReadModels;

/// <summary>
/// An application to a constructive dialogue and where it stands: each part (submission, decision, withdrawal,
/// attendance) keeps the time of the event that set it, and an older event never overwrites a newer one.
/// </summary>
public sealed class DialogueApplicationRow
{
    public string ApplicationId { get; set; } = "";

    public string DialogueId { get; set; } = "";

    public string Topic { get; set; } = "";

    public string Session { get; set; } = "";

    public DateOnly? HeldOn { get; set; }

    public string Organization { get; set; } = "";

    public string Category { get; set; } = "";

    public string Country { get; set; } = "";

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? Attendance { get; set; }

    public DateTimeOffset? AttendanceAt { get; set; }
}
