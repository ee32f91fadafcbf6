using Nominations.Api.Domain.Reviews;

namespace Nominations.Api.Domain;

/// <summary>The scope of a nomination: the party's own review, its reviewer roles, or one given review.</summary>
public sealed record NominationScope
{
    private NominationScope(ScopeKind kind, string? countryReviewId)
    {
        Kind = kind;
        CountryReviewId = countryReviewId;
    }

    public static NominationScope OwnReview { get; } = new(ScopeKind.OwnReview, null);

    public static NominationScope AsReviewer { get; } = new(ScopeKind.AsReviewer, null);

    public ScopeKind Kind { get; }

    /// <summary>Set only for <see cref="ScopeKind.SpecificReview"/>.</summary>
    public string? CountryReviewId { get; }

    public static NominationScope ForReview(string countryReviewId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(countryReviewId);
        return new NominationScope(ScopeKind.SpecificReview, countryReviewId);
    }

    /// <summary>Rebuilds a scope from its stored parts (an empty review id means none).</summary>
    public static NominationScope From(ScopeKind kind, string? countryReviewId) => kind switch
    {
        ScopeKind.OwnReview => OwnReview,
        ScopeKind.AsReviewer => AsReviewer,
        ScopeKind.SpecificReview => ForReview(countryReviewId ?? ""),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scope kind."),
    };

    /// <summary>Whether a nomination of <paramref name="party"/> with this scope covers the review.</summary>
    public bool Covers(CountryReviewInfo review, string party) => Kind switch
    {
        ScopeKind.SpecificReview => string.Equals(CountryReviewId, review.Id, StringComparison.Ordinal) && review.ParticipationOf(party) is not null,
        ScopeKind.OwnReview => review.ParticipationOf(party) == Participation.UnderReview,
        ScopeKind.AsReviewer => review.ParticipationOf(party) == Participation.Reviewer,
        _ => false,
    };

    /// <summary>Words for messages: "its own review", "its reviewer roles", "country review R-1".</summary>
    public string Describe() => Kind switch
    {
        ScopeKind.OwnReview => "its own review",
        ScopeKind.AsReviewer => "its reviewer roles",
        _ => $"country review {CountryReviewId}",
    };

    public override string ToString() => Kind == ScopeKind.SpecificReview ? $"{Kind}:{CountryReviewId}" : Kind.ToString();
}
