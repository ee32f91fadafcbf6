namespace Reporting.Api.Domain.Compilation;

/// <summary>Part A (working-group recommendations) or Part B (Chair observations) of the compilation.</summary>
public enum EntryKind
{
    WorkingGroup = 1,
    ChairObservation = 2,
}

/// <summary>An entry of the compilation of recommendations.</summary>
public sealed record RecommendationEntry(EntryKind Kind, string Body, int Year, string DocumentSymbol, string Number, string Text, IReadOnlyList<string> Topics);
