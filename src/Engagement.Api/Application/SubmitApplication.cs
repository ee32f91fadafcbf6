using Engagement.Api.Domain.Applications;

namespace Engagement.Api.Application;

/// <summary>
/// An application as sent by the web form or a partner system. <paramref name="IdempotencyKey"/> is chosen by the
/// client (the form carries one per rendering): sending it again returns the first result and never creates a second
/// application. <paramref name="ContactEmailVerified"/> is honoured for partners and the secretariat only.
/// </summary>
public sealed record SubmitApplication(
    string IdempotencyKey,
    Guid DialogueId,
    ApplicationDetails Details,
    string ContactEmail,
    bool ContactEmailVerified);
