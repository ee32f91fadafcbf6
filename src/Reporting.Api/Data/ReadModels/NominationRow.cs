namespace Reporting.Api.Data.ReadModels;

/// <summary>
/// A nomination (PersonNominated) and its end (FocalPointReplaced, NominationWithdrawn). An end that arrives
/// before its nomination leaves a row with <see cref="Known"/> false, completed when the nomination arrives.
/// </summary>
public sealed class NominationRow
{
    public string NominationId { get; set; } = "";

    public bool Known { get; set; }

    public string Party { get; set; } = "";

    /// <summary>FOCAL_POINT, GOVERNMENTAL_EXPERT or OBSERVER.</summary>
    public string Role { get; set; } = "";

    /// <summary>The <see cref="Domain.FocalPoints.ScopeKind"/> number.</summary>
    public int ScopeKind { get; set; }

    public string? ScopeReviewId { get; set; }

    public string PersonId { get; set; } = "";

    /// <summary>female, male or not_informed.</summary>
    public string Gender { get; set; } = "";

    public DateTimeOffset? EffectiveFrom { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>SUBSTITUTED or WITHDRAWN.</summary>
    public string? EndKind { get; set; }
}
