namespace Reviews.Api.Application.Notifications;

/// <summary>One e-mail: to the focal point (or the mission), the Permanent Mission in copy.</summary>
public sealed record EmailMessage(string To, string ToName, IReadOnlyList<string> Cc, string Subject, string Body, string Language, string MessageId);
