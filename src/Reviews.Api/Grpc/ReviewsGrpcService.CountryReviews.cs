using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using DomainReview = Reviews.Api.Domain.CountryReviews.CountryReview;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    private const string ReviewReaders = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint + "," + MechanismRoles.GovernmentalExpert + "," + MechanismRoles.Observer;

    [Authorize(Roles = ReviewReaders)]
    public override async Task<V1.CountryReview> GetCountryReview(GetCountryReviewRequest request, ServerCallContext context)
    {
        var review = await FindReviewAsync(request.CountryReviewId, context.CancellationToken, tracking: false);
        context.GetCaller().RequireAccessTo(review);
        var names = await PartyNamesAsync(context.CancellationToken);
        return review.ToProto(review.Blocker(Now), names);
    }

    [Authorize(Roles = ReviewReaders)]
    public override async Task<ListCountryReviewsResponse> ListCountryReviews(ListCountryReviewsRequest request, ServerCallContext context)
    {
        var reviews = await QueryReviewsAsync(context.GetCaller(), request.GroupNumber, request.Party, request.Phase, context.CancellationToken);
        if (request.Stage.ToDomainOrNull() is { } stage)
        {
            reviews = [.. reviews.Where(r => r.Stage == stage)];
        }
        var names = await PartyNamesAsync(context.CancellationToken);
        var response = new ListCountryReviewsResponse();
        response.Reviews.AddRange(reviews.Select(r => r.ToProto(r.Blocker(Now), names)));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint)]
    public override async Task<V1.CountryReview> RecordPreliminaryConsultation(RecordPreliminaryConsultationRequest request, ServerCallContext context)
    {
        var review = await FindReviewAsync(request.CountryReviewId, context.CancellationToken);
        var caller = context.GetCaller();
        caller.RequireSecretariatOrParty(review.PartyUnderReview, $"record the preliminary consultation of review {review.Id}", MechanismRoles.FocalPoint);
        review.RecordPreliminaryConsultation(
            request.HeldOn.ToDomain("held_on"),
            request.Participants,
            [.. request.Languages.Select(l => l.ToDomain("languages"))],
            request.LanguagesExceptional,
            request.AgreedTimeFrames,
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            Now,
            caller.Subject);
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto(review.Blocker(Now), await PartyNamesAsync(context.CancellationToken));
    }

    [Authorize(Roles = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint)]
    public override async Task<V1.CountryReview> SetWorkingLanguages(SetWorkingLanguagesRequest request, ServerCallContext context)
    {
        var review = await FindReviewAsync(request.CountryReviewId, context.CancellationToken);
        var caller = context.GetCaller();
        if (!caller.IsSecretariat)
        {
            var party = review.ActiveParticipants.Select(p => p.Iso3).FirstOrDefault(caller.Parties.Contains)
                ?? throw DomainException.Denied("NOT_YOUR_PARTY", $"country-review/{review.Id}", $"Only the secretariat or a focal point of a party of review {review.Id} can set its working languages.");
            caller.RequireSecretariatOrParty(party, "set the working languages", MechanismRoles.FocalPoint);
        }
        review.SetLanguages([.. request.Languages.Select(l => l.ToDomain("languages"))], request.Exceptional, Now);
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto(review.Blocker(Now), await PartyNamesAsync(context.CancellationToken));
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.CountryReview> AgreeExtension(AgreeExtensionRequest request, ServerCallContext context)
    {
        var review = await FindReviewAsync(request.CountryReviewId, context.CancellationToken);
        review.AgreeExtension(
            request.Deadline.ToDomain("deadline"),
            request.NewDate.ToDomain("new_date"),
            request.AgreedByParties,
            request.Reason,
            Now,
            context.GetCaller().Subject);
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto(review.Blocker(Now), await PartyNamesAsync(context.CancellationToken));
    }

    [Authorize(Roles = ReviewReaders)]
    public override async Task<GetBlockersResponse> GetBlockers(GetBlockersRequest request, ServerCallContext context)
    {
        var reviews = await QueryReviewsAsync(context.GetCaller(), request.GroupNumber, request.Party, 0, context.CancellationToken);
        var names = await PartyNamesAsync(context.CancellationToken);
        var response = new GetBlockersResponse();
        foreach (var review in reviews)
        {
            if (review.Blocker(Now) is not { } blocker || (request.Kind != V1.BlockerKind.Unspecified && blocker.Kind.ToProto() != request.Kind))
            {
                continue;
            }
            response.Blockers.Add(new V1.ReviewBlocker
            {
                CountryReviewId = review.Id,
                PartyUnderReview = review.PartyUnderReview,
                GroupNumber = review.GroupNumber,
                Stage = review.Stage.ToProto(),
                Blocker = blocker.ToProto(blocker.Describe(review.Id, names)),
            });
        }
        return response;
    }

    private async Task<DomainReview> FindReviewAsync(string id, CancellationToken cancellationToken, bool tracking = true)
    {
        var key = id.Trim().ToUpperInvariant();
        if (key.Length == 0)
        {
            throw DomainException.Invalid("country_review_id", "Name the country review (e.g. DEU-C1).");
        }
        var query = tracking ? db.CountryReviews : db.CountryReviews.AsNoTracking();
        return await query.SingleOrDefaultAsync(r => r.Id == key, cancellationToken)
            ?? throw DomainException.NotFound("COUNTRY_REVIEW_NOT_FOUND", $"country-review/{key}", $"No country review {key} exists.");
    }

    /// <summary>Reviews matching the filters that the caller may read (all for the secretariat, its parties' otherwise).</summary>
    private async Task<List<DomainReview>> QueryReviewsAsync(Caller caller, int groupNumber, string party, int phase, CancellationToken cancellationToken)
    {
        var query = db.CountryReviews.AsNoTracking();
        if (groupNumber != 0)
        {
            query = query.Where(r => r.GroupNumber == groupNumber);
        }
        if (phase != 0)
        {
            query = query.Where(r => r.Phase == phase);
        }
        if (party.Length > 0)
        {
            var iso3 = Iso3.Normalize(party, "party");
            query = query.Where(r => r.PartyCodes.Contains(iso3));
        }
        if (!caller.IsSecretariat)
        {
            var mine = caller.Parties.ToArray();
            query = query.Where(r => r.PartyCodes.Any(p => mine.Contains(p)));
        }
        var reviews = await query.OrderBy(r => r.GroupNumber).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return [.. reviews.Where(caller.CanRead)];
    }

    private async Task<Func<string, string>> PartyNamesAsync(CancellationToken cancellationToken)
    {
        var names = await db.Parties.AsNoTracking().Select(p => new { p.Iso3, p.Name }).ToDictionaryAsync(p => p.Iso3, p => p.Name, cancellationToken);
        return iso3 => names.GetValueOrDefault(iso3, iso3);
    }
}
