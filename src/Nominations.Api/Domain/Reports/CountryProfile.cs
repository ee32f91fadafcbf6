using ReviewMechanism.ServiceDefaults.Authorization;

namespace Nominations.Api.Domain.Reports;

/// <summary>The public country profile of a party: its active focal points.</summary>
public sealed record CountryProfile(string Party, string PartyName, IReadOnlyList<FocalPointProfile> FocalPoints)
{
    /// <summary>
    /// Builds the profile as <paramref name="viewer"/> may see it: name, title, affiliation, role and scope for
    /// everyone; e-mail and phone only for registered users.
    /// </summary>
    public static CountryProfile For(string party, string partyName, IEnumerable<Nomination> nominations, Caller viewer)
    {
        var focalPoints = nominations
            .Where(n => n.Party == party && n.IsActive && n.Role == NominationRole.FocalPoint)
            .OrderBy(n => n.ScopeKind).ThenBy(n => n.ScopeReviewId, StringComparer.Ordinal).ThenBy(n => n.EffectiveFrom)
            .Select(n => new FocalPointProfile(
                n.Person.FullName, n.Person.Title, n.Person.Affiliation, n.Party, n.Role, n.Scope, n.EffectiveFrom,
                viewer.MaySeeContactDetails() ? new ContactDetails(n.Person.Email, n.Person.Phone) : null))
            .ToList();
        return new CountryProfile(party, partyName, focalPoints);
    }
}
