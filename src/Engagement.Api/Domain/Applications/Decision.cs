namespace Engagement.Api.Domain.Applications;

/// <summary>The Extended Bureau's decision on an application, recorded by the secretariat.</summary>
public enum Decision
{
    ApproveInPerson = 1,
    ApproveOnline = 2,
    Waitlist = 3,
    Decline = 4,
}
