namespace Reviews.Api.Notifications;

/// <summary>E-mail settings, bound from <c>Reviews:Email</c>. Without an SMTP host, messages go to the pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Reviews:Email";

    public string From { get; set; } = "untoc.review@un.org";

    public string FromName { get; set; } = "UNTOC Review Mechanism secretariat";

    /// <summary>SMTP server; empty = write .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpEnableSsl { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where .eml files go when no SMTP host is set (relative paths are under the content root's data folder).</summary>
    public string PickupDirectory { get; set; } = ".data/mail";
}
