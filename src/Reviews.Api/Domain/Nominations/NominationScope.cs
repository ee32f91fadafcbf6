namespace Reviews.Api.Domain.Nominations;

/// <summary>Which reviews a nomination covers (as the Nominations service's events say).</summary>
public enum NominationScope
{
    /// <summary>The party's own review (as party under review).</summary>
    OwnReview = 1,

    /// <summary>Every review in which the party is a reviewer.</summary>
    AsReviewer = 2,

    /// <summary>One given review.</summary>
    SpecificReview = 3,
}
