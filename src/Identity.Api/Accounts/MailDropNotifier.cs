using System.Text;
using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Identity.Api.Accounts;

/// <summary>
/// Writes each outgoing message as an RFC 5322 .eml file in a drop folder (in the data folder by
/// default), the way a mail server's pickup directory works; a relay or the Engagement service's
/// notifications can take over later.
/// </summary>
public sealed class MailDropNotifier(IOptions<AccountOptions> accounts, IOptions<OidcServerOptions> server, TimeProvider clock) : IAccountNotifier
{
    public async Task SendActivationLinkAsync(ApplicationUser user, string link, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var folder = accounts.Value.MailDropDirectory ?? Path.Combine(server.Value.DataDirectory, "mail");
        Directory.CreateDirectory(folder);
        var body = new StringBuilder()
            .Append("To: ").Append(user.Email).Append("\r\n")
            .Append("Subject: Activate your account for the UNTOC Review Mechanism\r\n")
            .Append("Date: ").Append(clock.GetUtcNow().ToString("r")).Append("\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
            .Append("Dear ").Append(user.FullName).Append(",\r\n\r\n")
            .Append("You have been nominated to the Review Mechanism. Open this link to set your password and submit your profile:\r\n\r\n")
            .Append(link).Append("\r\n\r\n")
            .Append("The link can be used once and expires on ").Append(expiresAt.ToString("u")).Append(".\r\n")
            .Append("The Secretariat will then review and approve your profile.\r\n");
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, body.ToString(), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
