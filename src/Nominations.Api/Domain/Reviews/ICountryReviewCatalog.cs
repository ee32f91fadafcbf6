namespace Nominations.Api.Domain.Reviews;

/// <summary>
/// The local read-model of parties and country reviews. Filled from the Reviews service's events
/// (and the party list at first start) through the upsert commands; read by the nomination rules.
/// </summary>
public interface ICountryReviewCatalog
{
    Task<KnownParty?> FindPartyAsync(string iso3, CancellationToken cancellationToken);

    Task<CountryReviewInfo?> FindReviewAsync(string countryReviewId, CancellationToken cancellationToken);

    /// <summary>Reviews that have started at or before <paramref name="asOf"/>.</summary>
    Task<IReadOnlyList<CountryReviewInfo>> ListStartedReviewsAsync(DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>Adds or renames a party.</summary>
    Task UpsertPartyAsync(KnownParty party, CancellationToken cancellationToken);

    /// <summary>Adds a review or replaces what is known of it (a redraw changes the reviewers; a start sets the date).</summary>
    Task UpsertReviewAsync(CountryReviewInfo review, CancellationToken cancellationToken);
}
