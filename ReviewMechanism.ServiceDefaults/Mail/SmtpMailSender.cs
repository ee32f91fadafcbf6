using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.ServiceDefaults.Mail;

/// <summary>
/// Sends over SMTP with MailKit to the server of the <c>mail</c> connection string: <c>smtp://host:port</c>
/// (STARTTLS when the server offers it) or <c>smtps://host:port</c> (TLS from the start); credentials as
/// <c>smtp://user:password@host:port</c>. One connection per mail: services send a few at a time.
/// </summary>
public sealed class SmtpMailSender(Uri server, IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var message = MimeMessages.Create(mail, options.Value);
        using var client = new SmtpClient();
        var security = server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(server.Host, server.Port, security, cancellationToken).ConfigureAwait(false);
        if (server.UserInfo.Length > 0)
        {
            var parts = server.UserInfo.Split(':', 2);
            await client.AuthenticateAsync(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "", cancellationToken).ConfigureAwait(false);
        }
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The server of a <c>smtp://host:port</c> connection string; a clear error otherwise.</summary>
    public static Uri ParseConnectionString(string connectionString, string connectionName) =>
        Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Scheme is "smtp" or "smtps" && uri.Port > 0
            ? uri
            : throw new InvalidOperationException($"Connection string '{connectionName}' must be smtp://host:port or smtps://host:port, not '{connectionString}'.");
}
