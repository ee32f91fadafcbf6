namespace Reviews.Api.Domain.Notifications;

public enum RecipientRole
{
    FocalPoint = 1,
    PermanentMission = 2,
}
