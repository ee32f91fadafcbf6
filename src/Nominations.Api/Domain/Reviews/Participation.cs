namespace Nominations.Api.Domain.Reviews;

/// <summary>How a party takes part in a country review.</summary>
public enum Participation
{
    UnderReview = 1,
    Reviewer = 2,
}
