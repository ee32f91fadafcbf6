using Reviews.Api.Domain.Notifications;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

internal static class NotificationMapping
{
    public static V1.Notification ToProto(this SentNotification notification)
    {
        var message = new V1.Notification
        {
            Id = notification.Id.ToString(),
            Key = notification.Key,
            Kind = notification.Kind.ToProto(),
            OffsetDays = notification.OffsetDays,
            CountryReviewId = notification.CountryReviewId,
            Deadline = notification.Deadline.ToProto(),
            DueDate = notification.DueDate.ToProto(),
            Party = notification.Party,
            To = new V1.NoticeRecipient
            {
                Role = notification.RecipientRole == RecipientRole.FocalPoint ? "FOCAL_POINT" : "PERMANENT_MISSION",
                Party = notification.Party,
                PersonId = notification.RecipientPersonId ?? "",
                Name = notification.ToName,
                Email = notification.ToEmail,
            },
            Language = notification.Language.ToProto(),
            Subject = notification.Subject,
            Body = notification.Body,
            CreatedAt = notification.CreatedAt.ToProto(),
            ReadAt = notification.ReadAt.ToProto(),
        };
        message.Cc.AddRange(notification.CcEmails.Select(email => new V1.NoticeRecipient
        {
            Role = "PERMANENT_MISSION",
            Party = notification.Party,
            Email = email,
        }));
        return message;
    }
}
