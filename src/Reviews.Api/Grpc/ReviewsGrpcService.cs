using Microsoft.Extensions.Options;
using ReviewMechanism.Reviews.V1;
using Reviews.Api.Application.CountryReviews;
using Reviews.Api.Application.Drawing;
using Reviews.Api.Application.Notifications;
using Reviews.Api.Application.Parties;
using Reviews.Api.Application.Phases;
using Reviews.Api.Domain.Phases;

namespace Reviews.Api.Grpc;

/// <summary>
/// The Reviews service's gRPC API (reviews.proto). Each RPC declares who may call it, maps the request to a use case
/// of <c>Application/</c> (which checks the caller's parties, lets the domain decide and saves once) and the result to
/// the response. Refusals are DomainExceptions, sent as statuses by the shared error interceptor. Split by area.
/// </summary>
public sealed partial class ReviewsGrpcService(
    PartyWorkflow parties,
    DrawingWorkflow draws,
    CountryReviewWorkflow countryReviews,
    PhaseWorkflow phases,
    NotificationFeed notifications,
    IOptions<PhaseOptions> phaseOptions) : ReviewsService.ReviewsServiceBase
{
    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
