namespace Reviews.Api.Domain.Notifications;

public enum NoticeKind
{
    /// <summary>Before a deadline.</summary>
    Reminder = 1,

    /// <summary>After a deadline passed without the step being done.</summary>
    MissedDeadline = 2,
}
