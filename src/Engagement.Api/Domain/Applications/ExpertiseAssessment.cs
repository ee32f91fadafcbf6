namespace Engagement.Api.Domain.Applications;

/// <summary>Whether the organization's expertise on the topic is proven: proven expertise has priority.</summary>
public enum ExpertiseAssessment
{
    NotAssessed = 1,
    Proven = 2,
    NotProven = 3,
}
