using Microsoft.Extensions.Options;

namespace ReviewMechanism.ServiceDefaults.Mail;

/// <summary>Writes each mail as an .eml file in <see cref="MailOptions.PickupDirectory"/> (no SMTP server configured).</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.PickupDirectory ?? throw new InvalidOperationException("Mail:PickupDirectory is not set."));
        Directory.CreateDirectory(folder);
        var message = MimeMessages.Create(mail, settings);
        message.Date = clock.GetUtcNow();
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
