using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Domain.Notifications;

/// <summary>
/// A notice due now. <see cref="Key"/> is unique per (review, deadline and its date, recipient, kind and offset):
/// stored with a unique index, it makes each notice go out exactly once even with several instances sending.
/// </summary>
public sealed record DueNotice(
    string Key,
    NoticeKind Kind,
    int OffsetDays,
    string CountryReviewId,
    DeadlineKind Deadline,
    DateOnly DueDate,
    string Party,
    NoticeRecipient To,
    IReadOnlyList<NoticeRecipient> Cc,
    UnLanguage WantedLanguage,
    DateTimeOffset DueAt,
    RenderedNotice Content);
