using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Rebuild;

/// <summary>
/// The other services' public APIs, called as the Secretariat member who asked for the rebuild (their access token
/// is forwarded, so Reporting holds no credentials of its own).
/// </summary>
public interface IReadModelSources
{
    Task<IReadOnlyList<CountryReview>> ListCountryReviewsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListPartiesAsync(CancellationToken cancellationToken);

    /// <summary>Every nomination of the party, ended ones included.</summary>
    Task<IReadOnlyList<Nomination>> ListNominationsAsync(string party, CancellationToken cancellationToken);
}
