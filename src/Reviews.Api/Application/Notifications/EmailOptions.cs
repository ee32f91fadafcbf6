namespace Reviews.Api.Application.Notifications;

/// <summary>
/// E-mail settings, bound from <c>Reviews:Email</c>. Sender and server are the service defaults' (<c>Mail:From</c>,
/// <c>Mail:FromName</c>, <c>ConnectionStrings__mail</c>); without a server, notices go to the pickup folder.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Reviews:Email";

    /// <summary>Where .eml files go when no mail server is configured (relative to the working folder).</summary>
    public string PickupDirectory { get; set; } = ".data/mail";
}
