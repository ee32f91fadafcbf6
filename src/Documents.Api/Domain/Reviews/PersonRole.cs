namespace Documents.Api.Domain.Reviews;

/// <summary>The roles a party nominates (the Nominations service's).</summary>
public enum PersonRole
{
    FocalPoint = 1,
    GovernmentalExpert = 2,
    Observer = 3,
}
