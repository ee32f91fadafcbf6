namespace Nominations.Api.Domain;

/// <summary>Gender as the nominations record it (the secretariat reports nominations by gender).</summary>
public enum Gender
{
    NotInformed = 0,
    Female = 1,
    Male = 2,
}
