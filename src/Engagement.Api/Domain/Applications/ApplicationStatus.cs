namespace Engagement.Api.Domain.Applications;

public enum ApplicationStatus
{
    /// <summary>Waiting for the contact to follow the verification link; does not count yet.</summary>
    PendingVerification = 1,

    /// <summary>Counts; waiting for the Extended Bureau's decision.</summary>
    Submitted = 2,
    ApprovedInPerson = 3,
    ApprovedOnline = 4,
    Waitlisted = 5,
    Declined = 6,
    Withdrawn = 7,
}
