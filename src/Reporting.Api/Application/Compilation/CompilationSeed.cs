using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Api.Domain.Compilation;

namespace Reporting.Api.Application.Compilation;

/// <summary>
/// The entries of the compilation published in April 2024 (Data/Seed/recommendations-2024.json, embedded): the
/// working groups' recommendations of 2022-2023 and the Chairs' observations of the 2023 constructive dialogues,
/// with topics assigned for search.
/// </summary>
public static class CompilationSeed
{
    public const string ResourceName = "Reporting.Api.Data.Seed.recommendations-2024.json";

    public static IReadOnlyList<RecommendationEntry> Load()
    {
        using var stream = typeof(CompilationSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var rows = JsonSerializer.Deserialize<List<SeedRow>>(stream, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return [.. rows.Select(r => new RecommendationEntry(
            r.Kind == "WORKING_GROUP" ? EntryKind.WorkingGroup : EntryKind.ChairObservation, r.Body, r.Year, r.DocumentSymbol, r.Number, r.Text, r.Topics))];
    }

    private sealed record SeedRow(
        [property: JsonRequired] string Kind, [property: JsonRequired] string Body, int Year, string DocumentSymbol, string Number, [property: JsonRequired] string Text, string[] Topics);
}
