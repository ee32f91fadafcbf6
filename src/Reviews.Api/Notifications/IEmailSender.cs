namespace Reviews.Api.Notifications;

/// <summary>Sends notices by e-mail (SMTP when configured; .eml files in a pickup folder otherwise).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
