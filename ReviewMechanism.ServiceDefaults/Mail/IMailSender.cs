namespace ReviewMechanism.ServiceDefaults.Mail;

/// <summary>
/// Sends e-mail through the stack's SMTP server (connection string <c>mail</c>, e.g. <c>smtp://127.0.0.1:2525</c>;
/// the AppHost's local mail server in development). Sender address and name come from <c>Mail:From</c> and
/// <c>Mail:FromName</c>. Throws when the server refuses or cannot be reached, so callers can retry (outbox, consumer retry).
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
