namespace Reviews.Api.Domain.Drawing;

/// <summary>The parties split into groups (ordinal ISO3 order) and the number of groups.</summary>
public sealed record GroupSplitInputs(IReadOnlyList<string> Participants, int GroupCount);
