namespace Reviews.Api.Domain.Notifications;

/// <summary>When reminders and missed-deadline notices go out. Bound from configuration section <c>Reviews:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Reviews:Notifications";

    /// <summary>Reminders this many days before a deadline (configurable).</summary>
    public int[] ReminderDaysBefore { get; set; } = [14, 3];

    /// <summary>Notices this many days after a deadline passed without the step being done (0: the day after).</summary>
    public int[] MissedNoticeDaysAfter { get; set; } = [0, 14];

    /// <summary>The secretariat's address, signed under every notice.</summary>
    public string SecretariatEmail { get; set; } = "untoc.review@un.org";
}
