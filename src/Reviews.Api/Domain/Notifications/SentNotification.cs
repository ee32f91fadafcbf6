using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Domain.Notifications;

/// <summary>
/// A notice that went out: the recipient's feed entry and the e-mail's content. <see cref="Key"/> is unique in the
/// store, so two instances planning the same notice store (and send) it once.
/// </summary>
public sealed class SentNotification
{
    private SentNotification()
    {
        Key = CountryReviewId = Party = ToEmail = ToName = Subject = Body = "";
        CcEmails = [];
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; }

    public NoticeKind Kind { get; private set; }

    public int OffsetDays { get; private set; }

    public string CountryReviewId { get; private set; }

    public DeadlineKind Deadline { get; private set; }

    public DateOnly DueDate { get; private set; }

    public string Party { get; private set; }

    public RecipientRole RecipientRole { get; private set; }

    /// <summary>The person whose feed shows it (null for a notice to a Permanent Mission only).</summary>
    public string? RecipientPersonId { get; private set; }

    public string ToName { get; private set; }

    public string ToEmail { get; private set; }

    public List<string> CcEmails { get; private set; }

    public UnLanguage Language { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? EmailSentAt { get; private set; }

    public static SentNotification From(DueNotice notice, Guid id, DateTimeOffset now) => new()
    {
        Id = id,
        Key = notice.Key,
        Kind = notice.Kind,
        OffsetDays = notice.OffsetDays,
        CountryReviewId = notice.CountryReviewId,
        Deadline = notice.Deadline,
        DueDate = notice.DueDate,
        Party = notice.Party,
        RecipientRole = notice.To.Role,
        RecipientPersonId = notice.To.PersonId,
        ToName = notice.To.Name,
        ToEmail = notice.To.Email,
        CcEmails = [.. notice.Cc.Select(c => c.Email)],
        Language = notice.Content.Language,
        Subject = notice.Content.Subject,
        Body = notice.Content.Body,
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkEmailSent(DateTimeOffset at) => EmailSentAt ??= at;
}
