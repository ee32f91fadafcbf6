using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Notifications;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    private const string FeedReaders = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint + "," + MechanismRoles.GovernmentalExpert + "," + MechanismRoles.Observer;

    [Authorize(Roles = FeedReaders)]
    public override async Task<ListNotificationsResponse> ListMyNotifications(ListMyNotificationsRequest request, ServerCallContext context)
    {
        var subject = context.GetCaller().RequireSubject();
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == subject);
        if (request.UnreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        return await PageAsync(query, request.PageSize, request.PageToken, context.CancellationToken);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var query = db.Notifications.AsNoTracking();
        if (request.RecipientPersonId.Length > 0)
        {
            query = query.Where(n => n.RecipientPersonId == request.RecipientPersonId);
        }
        if (request.CountryReviewId.Length > 0)
        {
            var id = request.CountryReviewId.Trim().ToUpperInvariant();
            query = query.Where(n => n.CountryReviewId == id);
        }
        if (request.Party.Length > 0)
        {
            var party = Iso3.Normalize(request.Party, "party");
            query = query.Where(n => n.Party == party);
        }
        return await PageAsync(query, request.PageSize, request.PageToken, context.CancellationToken);
    }

    [Authorize(Roles = FeedReaders)]
    public override async Task<V1.Notification> MarkNotificationRead(MarkNotificationReadRequest request, ServerCallContext context)
    {
        var subject = context.GetCaller().RequireSubject();
        if (!Guid.TryParse(request.NotificationId, out var id))
        {
            throw DomainException.Invalid("notification_id", $"'{request.NotificationId}' is not a notification id.");
        }
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientPersonId == subject, context.CancellationToken)
            ?? throw DomainException.NotFound("NOTIFICATION_NOT_FOUND", $"notification/{id}", $"No notification {id} in your feed.");
        notification.MarkRead(Now);
        await db.SaveChangesAsync(context.CancellationToken);
        return notification.ToProto();
    }

    [Authorize(Roles = FeedReaders)]
    public override async Task WatchNotifications(WatchNotificationsRequest request, IServerStreamWriter<V1.Notification> responseStream, ServerCallContext context)
    {
        var subject = context.GetCaller().RequireSubject();
        var cancellationToken = context.CancellationToken;
        var sent = new HashSet<Guid>();
        var since = Now;
        var overlap = feed.Value.PollInterval + TimeSpan.FromSeconds(5);
        if (request.IncludeUnread)
        {
            since = DateTimeOffset.MinValue;
        }
        try
        {
            if (!request.IncludeUnread)
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
                if (request.IncludeUnread && since == DateTimeOffset.MinValue)
                {
                    query = query.Where(n => n.ReadAt == null);
                }
                var fresh = await query.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
                since = Now;
                foreach (var notification in fresh.Where(n => sent.Add(n.Id)))
                {
                    await responseStream.WriteAsync(notification.ToProto(), cancellationToken);
                }
                await signal.WaitAsync(feed.Value.PollInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the deadline passed: the stream simply ends.
        }
    }

    private async Task<ListNotificationsResponse> PageAsync(IQueryable<SentNotification> query, int pageSize, string pageToken, CancellationToken cancellationToken)
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
        var response = new ListNotificationsResponse();
        response.Notifications.AddRange(page.Take(size).Select(n => n.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = (offset + size).ToString(CultureInfo.InvariantCulture);
        }
        return response;
    }
}
