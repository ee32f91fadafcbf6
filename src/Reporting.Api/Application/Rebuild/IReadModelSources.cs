using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Rebuild;

/// <summary>
/// The other services' public APIs, read with the caller's access token (the rebuild is a Secretariat action, so
/// Reporting holds no credentials of its own).
/// </summary>
public interface IReadModelSources
{
    Task<IReadOnlyList<CountryReview>> ListCountryReviewsAsync(string accessToken, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListPartiesAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>Every nomination of the party, ended ones included.</summary>
    Task<IReadOnlyList<Nomination>> ListNominationsAsync(string party, string accessToken, CancellationToken cancellationToken);
}
