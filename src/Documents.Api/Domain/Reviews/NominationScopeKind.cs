namespace Documents.Api.Domain.Reviews;

/// <summary>Which reviews a nomination covers.</summary>
public enum NominationScopeKind
{
    /// <summary>The party's own country review (as party under review).</summary>
    OwnReview = 1,

    /// <summary>Every review in which the party is a reviewing party.</summary>
    AsReviewer = 2,

    /// <summary>One given country review.</summary>
    SpecificReview = 3,
}
