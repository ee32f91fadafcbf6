using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Notifications;

namespace Reviews.Api.Application.Notifications;

/// <summary>A page of notices, newest first, and the token of the next page (null on the last).</summary>
public sealed record NotificationPage(IReadOnlyList<SentNotification> Notifications, string? NextPageToken);

/// <summary>
/// The notices in the platform's feed: each person's own (listed, marked read, watched as they arrive), and all of them
/// for the Secretariat. The person is the token's subject.
/// </summary>
public sealed class NotificationFeed(ReviewsDbContext db, TimeProvider time, IOptions<NotificationFeedOptions> feed, NotificationSignal signal)
{
    public Task<NotificationPage> ListMineAsync(string subject, bool unreadOnly, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == subject);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        return PageAsync(query, pageSize, pageToken, cancellationToken);
    }

    /// <summary>Every notice, optionally of one recipient, review or party (empty = any).</summary>
    public Task<NotificationPage> ListAsync(string recipientPersonId, string countryReviewId, string party, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking();
        if (recipientPersonId.Length > 0)
        {
            query = query.Where(n => n.RecipientPersonId == recipientPersonId);
        }
        if (countryReviewId.Length > 0)
        {
            var id = countryReviewId.Trim().ToUpperInvariant();
            query = query.Where(n => n.CountryReviewId == id);
        }
        if (party.Length > 0)
        {
            var iso3 = Iso3.Normalize(party, "party");
            query = query.Where(n => n.Party == iso3);
        }
        return PageAsync(query, pageSize, pageToken, cancellationToken);
    }

    public async Task<SentNotification> MarkReadAsync(string subject, string notificationId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(notificationId, out var id))
        {
            throw DomainException.Invalid("notification_id", $"'{notificationId}' is not a notification id.");
        }
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientPersonId == subject, cancellationToken)
            ?? throw DomainException.NotFound("NOTIFICATION_NOT_FOUND", $"notification/{id}", $"No notification {id} in your feed.");
        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }

    /// <summary>
    /// The person's notices as they are stored (with <paramref name="includeUnread"/>, the unread ones first), until
    /// <paramref name="cancellationToken"/> ends the watch. Woken by <see cref="NotificationSignal"/>, else polled.
    /// </summary>
    public async IAsyncEnumerable<SentNotification> WatchAsync(string subject, bool includeUnread, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = new HashSet<Guid>();
        var since = includeUnread ? DateTimeOffset.MinValue : time.GetUtcNow();
        var overlap = feed.Value.PollInterval + TimeSpan.FromSeconds(5);
        if (!includeUnread)
        {
            // Notices stored just before the watch began belong to the past feed, not to the stream.
            var recent = since - overlap;
            sent.UnionWith(await db.Notifications.AsNoTracking()
                .Where(n => n.RecipientPersonId == subject && n.CreatedAt >= recent)
                .Select(n => n.Id)
                .ToListAsync(cancellationToken));
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            // Overlap the window a little: another instance's clock or a late commit may store an older time.
            var from = since == DateTimeOffset.MinValue ? since : since - overlap;
            var query = db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == subject && n.CreatedAt >= from);
            if (includeUnread && since == DateTimeOffset.MinValue)
            {
                query = query.Where(n => n.ReadAt == null);
            }
            var fresh = await query.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
            since = time.GetUtcNow();
            foreach (var notification in fresh.Where(n => sent.Add(n.Id)))
            {
                yield return notification;
            }
            await signal.WaitAsync(feed.Value.PollInterval, time, cancellationToken);
        }
    }

    private async Task<NotificationPage> PageAsync(IQueryable<SentNotification> query, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var options = feed.Value;
        if (pageSize < 0)
        {
            throw DomainException.Invalid("page_size", "The page size cannot be negative.");
        }
        var size = pageSize == 0 ? options.DefaultPageSize : Math.Min(pageSize, options.MaxPageSize);
        var offset = 0;
        if (pageToken.Length > 0 && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw DomainException.Invalid("page_token", "The page token is not one this service returned.");
        }
        var page = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(offset).Take(size + 1).ToListAsync(cancellationToken);
        return new NotificationPage([.. page.Take(size)], page.Count > size ? (offset + size).ToString(CultureInfo.InvariantCulture) : null);
    }
}
