namespace Engagement.Api.Domain.Common;

public enum ParticipationMode
{
    InPerson = 1,
    Online = 2,
}
