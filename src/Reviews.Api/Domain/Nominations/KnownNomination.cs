using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Domain.Nominations;

/// <summary>
/// A focal point or expert nomination received from the Nominations service, kept so that reviews opened later
/// (the next phase, a redraw) start with the nominations already made.
/// </summary>
public sealed class KnownNomination
{
    private KnownNomination()
    {
        NominationId = Party = PersonId = FullName = Email = "";
    }

    public string NominationId { get; private set; }

    public string Party { get; private set; }

    public NominationRole Role { get; private set; }

    public NominationScope Scope { get; private set; }

    public string? CountryReviewId { get; private set; }

    public string PersonId { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    public DateTimeOffset EffectiveFrom { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActive => EndedAt is null;

    public static KnownNomination Create(
        string nominationId, string party, NominationRole role, NominationScope scope, string? countryReviewId,
        string personId, string fullName, string email, DateTimeOffset effectiveFrom) => new()
    {
        NominationId = nominationId,
        Party = party,
        Role = role,
        Scope = scope,
        CountryReviewId = scope == NominationScope.SpecificReview ? countryReviewId : null,
        PersonId = personId,
        FullName = fullName,
        Email = email,
        EffectiveFrom = effectiveFrom,
    };

    public void End(DateTimeOffset at) => EndedAt ??= at;

    /// <summary>Whether this nomination covers the party's place in a review.</summary>
    public bool Covers(string countryReviewId, string party, ReviewRole role) =>
        IsActive && Party == party && Scope switch
        {
            NominationScope.SpecificReview => CountryReviewId == countryReviewId,
            NominationScope.OwnReview => role == ReviewRole.PartyUnderReview,
            _ => role != ReviewRole.PartyUnderReview,
        };

    public FocalPointContact ToContact() => new(PersonId, NominationId, FullName, Email, EffectiveFrom);

    /// <summary>
    /// The focal point covering a party's place: a nomination for that very review first, then the general one
    /// (own review or as reviewer); the latest if several.
    /// </summary>
    public static FocalPointContact? FocalPointFor(IEnumerable<KnownNomination> nominations, string countryReviewId, string party, ReviewRole role) =>
        nominations
            .Where(n => n.Role == NominationRole.FocalPoint && n.Covers(countryReviewId, party, role))
            .OrderByDescending(n => n.Scope == NominationScope.SpecificReview)
            .ThenByDescending(n => n.EffectiveFrom)
            .FirstOrDefault()?.ToContact();
}
