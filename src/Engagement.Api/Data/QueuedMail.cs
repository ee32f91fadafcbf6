namespace Engagement.Api.Data;

/// <summary>
/// A mail to send, stored in the same transaction as the change it reports (a decision, a verification link), and
/// sent by <see cref="MailQueueDispatcher"/> through the stack's SMTP server: nothing is mailed for a change that
/// rolled back, and nothing is lost while the mail server is down.
/// </summary>
public sealed class QueuedMail
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string? ToName { get; set; }

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
