using Reviews.Api.Domain.Common;

namespace Reviews.Api.Domain.Notifications;

/// <summary>A notice's text in the language it was written in (English when the wanted one has no template yet).</summary>
public sealed record RenderedNotice(UnLanguage Language, string Subject, string Body);
