namespace Reviews.Api.Domain.Nominations;

public enum NominationRole
{
    FocalPoint = 1,
    GovernmentalExpert = 2,
}
