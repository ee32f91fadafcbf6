namespace ReviewMechanism.ServiceDefaults.Mail;

/// <summary>Settings of <see cref="IMailSender"/>, bound from <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "untoc.review@un.org";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "UNTOC Review Mechanism secretariat";

    /// <summary>
    /// Without a <c>mail</c> connection string, each mail is written here as an .eml file (as a mail server's pickup
    /// folder does), for a service run on its own or a test; with one, this is ignored.
    /// </summary>
    public string? PickupDirectory { get; set; }
}
