using ReviewMechanism.ServiceDefaults.Mail;

namespace Reviews.Api.Application.Notifications;

/// <summary>
/// Sends a notice through the service's <see cref="IMailSender"/> (SMTP to the stack's mail server; .eml files in
/// the pickup folder when the service runs without one), with its language and the notice's id as headers.
/// </summary>
public sealed class NoticeMailSender(IMailSender mail) : IEmailSender
{
    public const string NoticeIdHeader = "X-Review-Mechanism-Notice";

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        mail.SendAsync(
            new OutgoingMail(
                message.To,
                message.ToName,
                message.Subject,
                message.Body,
                Cc: message.Cc,
                Headers: new Dictionary<string, string>
                {
                    ["Content-Language"] = message.Language,
                    [NoticeIdHeader] = message.MessageId,
                }),
            cancellationToken);
}
