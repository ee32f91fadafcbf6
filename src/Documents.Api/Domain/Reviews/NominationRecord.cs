namespace Documents.Api.Domain.Reviews;

/// <summary>
/// A person nominated by a party (from the Nominations service's events): the role and the reviews it covers.
/// <see cref="PersonId"/> is the access token's subject.
/// </summary>
public sealed class NominationRecord
{
    private NominationRecord()
    {
    }

    public NominationRecord(string nominationId, string personId, string party, PersonRole role, NominationScopeKind scope, string scopeReviewId, DateTimeOffset effectiveFrom)
    {
        NominationId = nominationId;
        PersonId = personId;
        Party = party;
        Role = role;
        Scope = scope;
        ScopeReviewId = scopeReviewId;
        EffectiveFrom = effectiveFrom;
    }

    public string NominationId { get; private set; } = "";

    public string PersonId { get; private set; } = "";

    public string Party { get; private set; } = "";

    public PersonRole Role { get; private set; }

    public NominationScopeKind Scope { get; private set; }

    public string ScopeReviewId { get; private set; } = "";

    public DateTimeOffset EffectiveFrom { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActive => EndedAt is null;

    /// <summary>True when this nomination lets its person act for its party in <paramref name="review"/>.</summary>
    public bool Covers(ReviewRecord review) => IsActive && Scope switch
    {
        NominationScopeKind.OwnReview => review.PartyUnderReview == Party,
        NominationScopeKind.AsReviewer => review.IsReviewer(Party),
        _ => string.Equals(ScopeReviewId, review.Id, StringComparison.OrdinalIgnoreCase) && review.Includes(Party),
    };

    public void End(DateTimeOffset at) => EndedAt ??= at;
}
