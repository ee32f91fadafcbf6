using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Mail;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Notifications;

namespace Reviews.Api.Application.Notifications;

/// <summary>
/// Issues the reminders and missed-deadline notices due now. Each notice is claimed by inserting its key with
/// <c>ON CONFLICT (key) DO NOTHING</c>: with several instances running, exactly one stores it, and only that one
/// sends its e-mail (through the service defaults' <see cref="IMailSender"/>: SMTP to the stack's mail server, or .eml
/// files in <c>Mail:PickupDirectory</c>). A notice whose e-mail failed keeps <c>email_sent_at</c> empty and is sent
/// again on the next run.
/// </summary>
public sealed class NotificationDispatcher(
    ReviewsDbContext db,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    IMailSender mail,
    NotificationSignal signal,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>The header that carries the notice's key in its e-mail (with <c>Content-Language</c>, the notice's language).</summary>
    public const string NoticeIdHeader = "X-Review-Mechanism-Notice";

    /// <summary>Stores the notices due now that no instance stored yet; returns how many this call stored.</summary>
    public async Task<IReadOnlyList<SentNotification>> IssueDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reviews = await db.CountryReviews.AsNoTracking().Where(r => r.Stage != ReviewStage.Completed).ToListAsync(cancellationToken);
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Iso3, cancellationToken);
        var due = reviews.SelectMany(r => NotificationPlanner.DueAt(r, iso3 => parties.GetValueOrDefault(iso3), now, options.Value)).ToList();
        if (due.Count == 0)
        {
            return [];
        }
        var keys = due.Select(d => d.Key).ToList();
        var known = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var issued = new List<SentNotification>();
        foreach (var notice in due.Where(d => !known.Contains(d.Key)))
        {
            var notification = SentNotification.From(notice, Guid.NewGuid(), now);
            if (await TryClaimAsync(notification, cancellationToken))
            {
                issued.Add(notification);
            }
        }
        if (issued.Count > 0)
        {
            logger.LogInformation("Issued {Count} notices", issued.Count);
            signal.Pulse();
        }
        return issued;
    }

    /// <summary>Sends the e-mails of stored notices not yet sent (this call's, or an earlier failed attempt's).</summary>
    public async Task<int> SendPendingEmailsAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Notifications.Where(n => n.EmailSentAt == null).OrderBy(n => n.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var notification in pending)
        {
            // Claim the e-mail too, so two instances never send the same one.
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE sent_notifications SET email_sent_at = {time.GetUtcNow()} WHERE id = {notification.Id} AND email_sent_at IS NULL",
                cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            try
            {
                await mail.SendAsync(
                    new OutgoingMail(
                        notification.ToEmail,
                        notification.ToName,
                        notification.Subject,
                        notification.Body,
                        Cc: notification.CcEmails,
                        Headers: new Dictionary<string, string>
                        {
                            ["Content-Language"] = notification.Language.Code(),
                            [NoticeIdHeader] = notification.Key,
                        }),
                    cancellationToken);
                sent++;
            }
            catch (Exception error) when (error is System.Net.Mail.SmtpException or IOException)
            {
                logger.LogWarning(error, "E-mail of notice {Key} failed; it will be retried", notification.Key);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE sent_notifications SET email_sent_at = NULL WHERE id = {notification.Id}", cancellationToken);
            }
        }
        return sent;
    }

    private async Task<bool> TryClaimAsync(SentNotification n, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO sent_notifications
                (id, key, kind, offset_days, country_review_id, deadline, due_date, party, recipient_role, recipient_person_id,
                 to_name, to_email, cc_emails, language, subject, body, created_at, read_at, email_sent_at)
            VALUES
                ({n.Id}, {n.Key}, {(int)n.Kind}, {n.OffsetDays}, {n.CountryReviewId}, {(int)n.Deadline}, {n.DueDate}, {n.Party},
                 {(int)n.RecipientRole}, {n.RecipientPersonId}, {n.ToName}, {n.ToEmail}, {n.CcEmails.ToArray()}, {(int)n.Language},
                 {n.Subject}, {n.Body}, {n.CreatedAt}, NULL, NULL)
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
        return inserted == 1;
    }
}
