using Grpc.Core;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Rebuild;

/// <summary>
/// The rebuild's sources over the Reviews and Nominations gRPC APIs (clients from <c>AddServiceGrpcClient</c>: service
/// discovery, the caller's token forwarded, idempotent reads retried when UNAVAILABLE). A source that cannot be read
/// ends the rebuild with UNAVAILABLE naming it, and nothing is replaced.
/// </summary>
public sealed class ServiceApiSources(ReviewsService.ReviewsServiceClient reviews, NominationsService.NominationsServiceClient nominations, TimeProvider time)
    : IReadModelSources
{
    /// <summary>One listing call may carry every review of a phase: more time than the clients' default deadline.</summary>
    private static readonly TimeSpan ListingDeadline = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<CountryReview>> ListCountryReviewsAsync(CancellationToken cancellationToken)
    {
        var response = await ReadAsync("reviews", () => reviews.ListCountryReviewsAsync(new ListCountryReviewsRequest(), Options(cancellationToken)));
        return response.Reviews;
    }

    public async Task<IReadOnlyList<string>> ListPartiesAsync(CancellationToken cancellationToken)
    {
        var response = await ReadAsync("reviews", () => reviews.ListPartiesAsync(new ListPartiesRequest(), Options(cancellationToken)));
        return [.. response.Parties.Select(p => p.Iso3)];
    }

    public async Task<IReadOnlyList<Nomination>> ListNominationsAsync(string party, CancellationToken cancellationToken)
    {
        var response = await ReadAsync("nominations", () => nominations.ListNominationsAsync(
            new ListNominationsRequest { Party = party, IncludeEnded = true }, Options(cancellationToken)));
        return response.Nominations;
    }

    private CallOptions Options(CancellationToken cancellationToken) =>
        new(deadline: time.GetUtcNow().UtcDateTime + ListingDeadline, cancellationToken: cancellationToken);

    private static async Task<T> ReadAsync<T>(string source, Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"The {source} service could not be read ({e.StatusCode}: {e.Status.Detail}); the read models were left as they were."));
        }
    }
}
