namespace Reporting.Api.Domain.Reviews;

/// <summary>A country review as it stood at the end of the report's date.</summary>
public sealed record ReviewState(
    string Id,
    string PartyUnderReview,
    int Group,
    int Phase,
    int Cluster,
    DateOnly StartDate,
    DateTimeOffset OpenedAt,
    Stage Stage,
    DateTimeOffset StageEnteredAt,
    IReadOnlyList<ReviewPlace> Places,
    IReadOnlyList<string> Languages);
