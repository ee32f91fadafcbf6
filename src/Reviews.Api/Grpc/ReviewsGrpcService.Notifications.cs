using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.Notifications;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    private const string FeedReaders = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint + "," + MechanismRoles.GovernmentalExpert + "," + MechanismRoles.Observer;

    [Authorize(Roles = FeedReaders)]
    public override async Task<ListNotificationsResponse> ListMyNotifications(ListMyNotificationsRequest request, ServerCallContext context) =>
        ToProto(await notifications.ListMineAsync(context.GetCaller().RequireSubject(), request.UnreadOnly, request.PageSize, request.PageToken, context.CancellationToken));

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context) =>
        ToProto(await notifications.ListAsync(request.RecipientPersonId, request.CountryReviewId, request.Party, request.PageSize, request.PageToken, context.CancellationToken));

    [Authorize(Roles = FeedReaders)]
    public override async Task<V1.Notification> MarkNotificationRead(MarkNotificationReadRequest request, ServerCallContext context) =>
        (await notifications.MarkReadAsync(context.GetCaller().RequireSubject(), request.NotificationId, context.CancellationToken)).ToProto();

    [Authorize(Roles = FeedReaders)]
    public override async Task WatchNotifications(WatchNotificationsRequest request, IServerStreamWriter<V1.Notification> responseStream, ServerCallContext context)
    {
        var subject = context.GetCaller().RequireSubject();
        var cancellationToken = context.CancellationToken;
        try
        {
            await foreach (var notification in notifications.WatchAsync(subject, request.IncludeUnread, cancellationToken))
            {
                await responseStream.WriteAsync(notification.ToProto(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the deadline passed: the stream simply ends.
        }
    }

    private static ListNotificationsResponse ToProto(NotificationPage page)
    {
        var response = new ListNotificationsResponse();
        response.Notifications.AddRange(page.Notifications.Select(n => n.ToProto()));
        if (page.NextPageToken is { } next)
        {
            response.NextPageToken = next;
        }
        return response;
    }
}
