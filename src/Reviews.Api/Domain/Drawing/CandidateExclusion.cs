namespace Reviews.Api.Domain.Drawing;

/// <summary>Candidates that could not take a place, grouped by the reason.</summary>
public sealed record CandidateExclusion(string Reason, IReadOnlyList<string> Parties);
