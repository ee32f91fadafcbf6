namespace Nominations.Api.Domain;

public enum NominationTaskStatus
{
    Open = 1,
    Completed = 2,
}
