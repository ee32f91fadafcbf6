namespace Nominations.Api.Domain.Reports;

public sealed record RoleGenderCount(NominationRole Role, Gender Gender, int Count);
