namespace Reporting.Api.Domain.FocalPoints;

/// <summary>Which reviews a nomination covers (the Nominations service's scope kinds).</summary>
public enum ScopeKind
{
    /// <summary>The party's own review.</summary>
    OwnReview = 1,

    /// <summary>Every review in which the party is a reviewer.</summary>
    AsReviewer = 2,

    /// <summary>One given review.</summary>
    SpecificReview = 3,
}

/// <summary>A focal point in force on the report's date.</summary>
public sealed record FocalPointNomination(string Party, ScopeKind Scope, string? CountryReviewId);
