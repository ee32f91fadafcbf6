namespace ReviewMechanism.ServiceDefaults.Mail;

/// <summary>One e-mail a service sends (an activation link, a reminder, a decision on an application).</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's display name, if known.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body (always sent).</param>
/// <param name="HtmlBody">An HTML alternative, if any.</param>
/// <param name="Cc">Addresses in copy (e.g. the Permanent Mission).</param>
/// <param name="Headers">Extra headers (e.g. <c>Content-Language</c>, an id the sender tracks the mail by).</param>
public sealed record OutgoingMail(
    string To,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyDictionary<string, string>? Headers = null);
