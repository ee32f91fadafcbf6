namespace Reviews.Api.Application.Notifications;

/// <summary>How often notices are looked for. Bound from <c>Reviews:NotificationDispatch</c>.</summary>
public sealed class NotificationDispatchOptions
{
    public const string Section = "Reviews:NotificationDispatch";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
