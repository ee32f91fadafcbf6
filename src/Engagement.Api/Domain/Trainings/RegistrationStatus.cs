namespace Engagement.Api.Domain.Trainings;

public enum RegistrationStatus
{
    Registered = 1,
    Cancelled = 2,
    Completed = 3,
}
