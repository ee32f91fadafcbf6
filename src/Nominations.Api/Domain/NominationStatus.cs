namespace Nominations.Api.Domain;

public enum NominationStatus
{
    Active = 1,

    /// <summary>Ended by a substitution: the successor is known.</summary>
    Substituted = 2,

    /// <summary>Ended without a successor.</summary>
    Withdrawn = 3,
}
