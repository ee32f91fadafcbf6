namespace Nominations.Api.Domain.Reports;

/// <summary>What the secretariat reports on nominations: active ones by role and gender, focal-point changes.</summary>
public sealed record NominationStatistics(
    IReadOnlyList<RoleGenderCount> ByRoleAndGender,
    int PartiesWithFocalPoint,
    int PartiesThatChangedFocalPoint,
    int FocalPointSubstitutions)
{
    public static NominationStatistics Compute(IEnumerable<Nomination> nominations)
    {
        var all = nominations.ToList();
        var byRoleAndGender = all.Where(n => n.IsActive)
            .GroupBy(n => (n.Role, n.Person.Gender))
            .OrderBy(g => g.Key.Role).ThenBy(g => g.Key.Gender)
            .Select(g => new RoleGenderCount(g.Key.Role, g.Key.Gender, g.Count()))
            .ToList();
        var focalPoints = all.Where(n => n.Role == NominationRole.FocalPoint).ToList();
        var substituted = focalPoints.Where(n => n.Status == NominationStatus.Substituted).ToList();
        return new NominationStatistics(
            byRoleAndGender,
            focalPoints.Where(n => n.IsActive).Select(n => n.Party).Distinct().Count(),
            substituted.Select(n => n.Party).Distinct().Count(),
            substituted.Count);
    }
}
