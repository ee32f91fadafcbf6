using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.CountryReviews;
using DomainBlockerKind = Reviews.Api.Domain.CountryReviews.BlockerKind;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    private const string ReviewReaders = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint + "," + MechanismRoles.GovernmentalExpert + "," + MechanismRoles.Observer;

    [Authorize(Roles = ReviewReaders)]
    public override async Task<V1.CountryReview> GetCountryReview(GetCountryReviewRequest request, ServerCallContext context) =>
        ToProto(await countryReviews.GetAsync(context.GetCaller(), request.CountryReviewId, context.CancellationToken));

    [Authorize(Roles = ReviewReaders)]
    public override async Task<ListCountryReviewsResponse> ListCountryReviews(ListCountryReviewsRequest request, ServerCallContext context)
    {
        var filter = new ReviewFilter(request.GroupNumber, request.Party, request.Phase);
        var list = await countryReviews.ListAsync(context.GetCaller(), filter, request.Stage.ToDomainOrNull(), context.CancellationToken);
        var response = new ListCountryReviewsResponse();
        response.Reviews.AddRange(list.Reviews.Select(r => r.Review.ToProto(r.Blocker, list.PartyName)));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint)]
    public override async Task<V1.CountryReview> RecordPreliminaryConsultation(RecordPreliminaryConsultationRequest request, ServerCallContext context)
    {
        var command = new RecordPreliminaryConsultationCommand(
            request.CountryReviewId, request.HeldOn.ToInput(), [.. request.Participants], [.. request.Languages.Select(l => l.ToDomain("languages"))],
            request.LanguagesExceptional, request.AgreedTimeFrames, Blank(request.Notes));
        return ToProto(await countryReviews.RecordPreliminaryConsultationAsync(context.GetCaller(), command, context.CancellationToken));
    }

    [Authorize(Roles = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint)]
    public override async Task<V1.CountryReview> SetWorkingLanguages(SetWorkingLanguagesRequest request, ServerCallContext context)
    {
        var languages = request.Languages.Select(l => l.ToDomain("languages")).ToList();
        return ToProto(await countryReviews.SetWorkingLanguagesAsync(context.GetCaller(), request.CountryReviewId, languages, request.Exceptional, context.CancellationToken));
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.CountryReview> AgreeExtension(AgreeExtensionRequest request, ServerCallContext context)
    {
        var command = new AgreeExtensionCommand(
            request.CountryReviewId, request.Deadline.ToDomain("deadline"), request.NewDate.ToDomain("new_date"), [.. request.AgreedByParties], request.Reason);
        return ToProto(await countryReviews.AgreeExtensionAsync(context.GetCaller(), command, context.CancellationToken));
    }

    [Authorize(Roles = ReviewReaders)]
    public override async Task<GetBlockersResponse> GetBlockers(GetBlockersRequest request, ServerCallContext context)
    {
        var kind = request.Kind == V1.BlockerKind.Unspecified ? (DomainBlockerKind?)null : (DomainBlockerKind)(int)request.Kind;
        var list = await countryReviews.BlockersAsync(context.GetCaller(), new ReviewFilter(request.GroupNumber, request.Party, 0), kind, context.CancellationToken);
        var response = new GetBlockersResponse();
        foreach (var (review, found) in list.Reviews)
        {
            var blocker = found!;
            response.Blockers.Add(new V1.ReviewBlocker
            {
                CountryReviewId = review.Id,
                PartyUnderReview = review.PartyUnderReview,
                GroupNumber = review.GroupNumber,
                Stage = review.Stage.ToProto(),
                Blocker = blocker.ToProto(blocker.Describe(review.Id, list.PartyName)),
            });
        }
        return response;
    }

    private static V1.CountryReview ToProto(ReviewView view) => view.Review.ToProto(view.Blocker, view.PartyName);
}
