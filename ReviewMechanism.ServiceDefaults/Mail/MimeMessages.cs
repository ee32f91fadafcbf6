using MimeKit;

namespace ReviewMechanism.ServiceDefaults.Mail;

/// <summary>An <see cref="OutgoingMail"/> as a MIME message: UTF-8 text, an HTML alternative when given.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(OutgoingMail mail, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        foreach (var cc in mail.Cc ?? [])
        {
            message.Cc.Add(MailboxAddress.Parse(cc));
        }
        message.Subject = mail.Subject;
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
