using Reviews.Api.Domain.Parties;

namespace Reviews.Tests.Support;

/// <summary>The real party list embedded in Reviews.Api (parties.csv and ratification-dates.csv).</summary>
public static class RealParties
{
    public static readonly DateTimeOffset LoadedAt = new(2024, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<Party>> Cached = new(() => PartySeedLoader.LoadEmbedded());

    /// <summary>Shared read-only instance; tests that change parties call <see cref="Fresh"/>.</summary>
    public static IReadOnlyList<Party> All => Cached.Value;

    public static IReadOnlyList<Party> Fresh() => PartySeedLoader.LoadEmbedded();

    public static Party Get(string iso3) => All.Single(p => p.Iso3 == iso3);
}
