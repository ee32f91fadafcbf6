namespace Reviews.Api.Application.Notifications;

/// <summary>Sends notices by e-mail (through the service defaults' IMailSender: SMTP, or .eml files in a pickup folder).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
