namespace Nominations.Api.Domain;

/// <summary>Which reviews a nomination covers.</summary>
public enum ScopeKind
{
    /// <summary>The party's own country review(s), as party under review.</summary>
    OwnReview = 1,

    /// <summary>Every review in which the party is a reviewing party.</summary>
    AsReviewer = 2,

    /// <summary>One given country review.</summary>
    SpecificReview = 3,
}
