using Nominations.Api.Domain.Reviews;

namespace Nominations.Tests.Support;

/// <summary>The parties and reviews read-model in memory, filled through the upsert commands.</summary>
public sealed class InMemoryCountryReviewCatalog : ICountryReviewCatalog
{
    private readonly Dictionary<string, KnownParty> _parties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountryReviewInfo> _reviews = new(StringComparer.Ordinal);

    public Task<KnownParty?> FindPartyAsync(string iso3, CancellationToken cancellationToken) =>
        Task.FromResult(_parties.GetValueOrDefault(iso3));

    public Task<CountryReviewInfo?> FindReviewAsync(string countryReviewId, CancellationToken cancellationToken) =>
        Task.FromResult(_reviews.GetValueOrDefault(countryReviewId));

    public Task<IReadOnlyList<CountryReviewInfo>> ListStartedReviewsAsync(DateTimeOffset asOf, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CountryReviewInfo>>(_reviews.Values.Where(r => r.HasStartedBy(asOf)).ToList());

    public Task UpsertPartyAsync(KnownParty party, CancellationToken cancellationToken)
    {
        _parties[party.Iso3] = party;
        return Task.CompletedTask;
    }

    public Task UpsertReviewAsync(CountryReviewInfo review, CancellationToken cancellationToken)
    {
        _reviews[review.Id] = review;
        return Task.CompletedTask;
    }
}
