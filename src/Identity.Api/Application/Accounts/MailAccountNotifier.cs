using Identity.Api.Domain.Accounts;
using ReviewMechanism.ServiceDefaults.Mail;

namespace Identity.Api.Application.Accounts;

/// <summary>
/// Sends the activation link through the service's <see cref="IMailSender"/>: SMTP to the stack's mail server, or,
/// when the service runs without one, an .eml file in <c>Identity:Accounts:MailDropDirectory</c> (default: the
/// <c>mail</c> folder of the identity data folder).
/// </summary>
public sealed class MailAccountNotifier(IMailSender mail) : IAccountNotifier
{
    public Task SendActivationLinkAsync(ApplicationUser user, string link, DateTimeOffset expiresAt, CancellationToken ct) =>
        mail.SendAsync(
            new OutgoingMail(
                user.Email!,
                user.FullName,
                "Activate your account for the UNTOC Review Mechanism",
                $"""
                Dear {user.FullName},

                You have been nominated to the Review Mechanism. Open this link to set your password and submit your profile:

                {link}

                The link can be used once and expires on {expiresAt:u}.
                The Secretariat will then review and approve your profile.
                """),
            ct);
}
