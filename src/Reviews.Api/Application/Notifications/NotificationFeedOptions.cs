namespace Reviews.Api.Application.Notifications;

/// <summary>The notification feed's paging and live watch. Bound from <c>Reviews:NotificationFeed</c>.</summary>
public sealed class NotificationFeedOptions
{
    public const string Section = "Reviews:NotificationFeed";

    /// <summary>How often a watch looks for notices stored by other instances (this instance's wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int DefaultPageSize { get; set; } = 50;

    public int MaxPageSize { get; set; } = 200;
}
