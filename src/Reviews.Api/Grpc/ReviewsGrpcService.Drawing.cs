using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Phases;
using Reviews.Api.IntegrationEvents;
using DrawRecord = Reviews.Api.Domain.Drawing.DrawRecord;
using DrawRules = Reviews.Api.Domain.Drawing.DrawRules;
using CountryReview = Reviews.Api.Domain.CountryReviews.CountryReview;
using ReviewStage = Reviews.Api.Domain.CountryReviews.ReviewStage;
using DomainGroup = Reviews.Api.Domain.Groups.ReviewGroup;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<SplitIntoGroupsResponse> SplitIntoGroups(SplitIntoGroupsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (await db.Groups.AnyAsync(cancellationToken))
        {
            throw DomainException.AlreadyExists("GROUPS_ALREADY_DRAWN", "groups", "The parties were already split into groups; the split is drawn once (para 17).");
        }
        var options = drawing.Value;
        var asOf = request.AsOf.ToDomainOrNull("as_of") ?? Today;
        var parties = await db.Parties.AsNoTracking().ToListAsync(cancellationToken);
        var candidates = DrawingOfLots.CandidatesAsOf(parties, asOf).Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        List<string> participants;
        if (request.Participants.Count == 0)
        {
            participants = [.. candidates.Order(StringComparer.Ordinal)];
        }
        else
        {
            participants = [.. request.Participants.Select(p => Iso3.Normalize(p, "participants")).Distinct().Order(StringComparer.Ordinal)];
            var unknown = participants.Where(p => parties.All(q => q.Iso3 != p)).ToList();
            if (unknown.Count > 0)
            {
                throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{unknown[0]}", $"Unknown parties: {string.Join(", ", unknown)}.");
            }
            var notParty = participants.Where(p => !candidates.Contains(p)).ToList();
            if (notParty.Count > 0)
            {
                throw DomainException.Invalid("participants", $"Not parties to the Convention on {asOf:yyyy-MM-dd}: {string.Join(", ", notParty)}.");
            }
        }
        var starts = GroupStartDates(request, options);
        var seed = request.HasSeed ? request.Seed : DrawingOfLots.NewSeed();
        var inputs = new GroupSplitInputs(participants, options.GroupCount);
        var split = DrawingOfLots.SplitIntoGroups(inputs, seed);
        var caller = context.GetCaller();
        var record = DrawRecord.ForGroupSplit(Guid.NewGuid(), caller.Subject, Now, seed, inputs, split);
        var groups = split.Groups.Select((members, i) => DomainGroup.Create(i + 1, starts[i], members, record.Id, Now)).ToList();
        db.Draws.Add(record);
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
        var response = new SplitIntoGroupsResponse { Draw = record.ToProto() };
        response.Groups.AddRange(groups.Select(g => g.ToProto(phases.Value)));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<DrawPairingsResponse> DrawPairings(DrawPairingsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var group = await FindGroupAsync(request.GroupNumber, cancellationToken);
        if (group.Pairings.Count > 0)
        {
            throw DomainException.AlreadyExists("PAIRINGS_ALREADY_DRAWN", $"group/{group.Number}/pairings", $"The reviewers of group {group.Number} were already drawn; a party may ask for a redraw of its pairing instead.");
        }
        var asOf = request.AsOf.ToDomainOrNull("as_of") ?? Today;
        var candidates = await ParticipantsAsOfAsync(asOf, cancellationToken);
        var inputs = new PairingInputs(asOf, candidates, group.Parties, [], null, DrawRules.From(drawing.Value));
        var seed = request.HasSeed ? request.Seed : DrawingOfLots.NewSeed();
        var outcome = DrawingOfLots.Draw(inputs, seed);
        var caller = context.GetCaller();
        var record = DrawRecord.ForPairing(Guid.NewGuid(), group.Number, caller.Subject, Now, seed, inputs, outcome);
        var pairings = outcome.Pairings();
        group.RecordPairings(pairings, record.Id, Now);
        var reviews = PhasePlanner.LaunchFirstPhase(group, phases.Value, timeline.Value, await KnownFocalPointsAsync(cancellationToken), Now, caller.Subject);
        db.Draws.Add(record);
        db.CountryReviews.AddRange(reviews);
        db.Publish(ReviewIntegrationEvents.PairingsPublished(group.Number, record, pairings));
        PublishPhaseLaunched(group);
        await db.SaveChangesAsync(cancellationToken);
        var response = new DrawPairingsResponse { Draw = record.ToProto() };
        response.Pairings.AddRange(pairings.Select(p => p.ToProto()));
        response.CountryReviewIds.AddRange(reviews.Select(r => r.Id));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint)]
    public override async Task<RequestRedrawResponse> RequestRedraw(RequestRedrawRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var partyUnderReview = Iso3.Normalize(request.PartyUnderReview, "party_under_review");
        var requesting = Iso3.Normalize(request.RequestingParty, "requesting_party");
        var caller = context.GetCaller();
        caller.RequireSecretariatOrParty(requesting, "ask for a redraw on its behalf", MechanismRoles.FocalPoint);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw DomainException.Invalid("reason", "Say why the party asks for the drawing to be repeated (it is recorded with the draw).");
        }
        var slots = request.Slots.Select(s => s.ToDomain("slots")).ToList();
        var groups = await db.Groups.ToListAsync(cancellationToken);
        var group = groups.FirstOrDefault(g => g.Parties.Contains(partyUnderReview))
            ?? throw DomainException.NotFound("PARTY_NOT_UNDER_REVIEW", $"party/{partyUnderReview}", $"{partyUnderReview} is not under review in any group.");
        var review = group.CurrentPhase == 0 ? null
            : await db.CountryReviews.SingleOrDefaultAsync(r => r.Id == CountryReview.IdFor(partyUnderReview, PhasePlanner.ClusterOf(group.CurrentPhase, phases.Value)), cancellationToken);
        var (scope, loads) = group.PlanRedraw(partyUnderReview, requesting, slots, review?.Stage ?? ReviewStage.NominationsPending, drawing.Value);
        var asOf = request.AsOf.ToDomainOrNull("as_of") ?? Today;
        var inputs = new PairingInputs(asOf, await ParticipantsAsOfAsync(asOf, cancellationToken), [partyUnderReview], loads, scope, DrawRules.From(drawing.Value));
        var seed = request.HasSeed ? request.Seed : DrawingOfLots.NewSeed();
        var outcome = DrawingOfLots.Draw(inputs, seed);
        var record = DrawRecord.ForRedraw(Guid.NewGuid(), group.Number, caller.Subject, requesting, request.Reason.Trim(), Now, seed, inputs, outcome);
        var pairing = group.ApplyRedraw(outcome, record.Id, Now);
        review?.ReplaceReviewers(pairing, await KnownFocalPointsAsync(cancellationToken), Now, caller.Subject);
        db.Draws.Add(record);
        db.Publish(ReviewIntegrationEvents.PairingsPublished(group.Number, record, [pairing]));
        await db.SaveChangesAsync(cancellationToken);
        return new RequestRedrawResponse { Draw = record.ToProto(), Pairing = pairing.ToProto(group.PairingOf(partyUnderReview).RedrawCount) };
    }

    [Authorize]
    public override async Task<V1.DrawRecord> GetDraw(GetDrawRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.DrawId, out var id))
        {
            throw DomainException.Invalid("draw_id", $"'{request.DrawId}' is not a draw id.");
        }
        var record = await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, context.CancellationToken)
            ?? throw DomainException.NotFound("DRAW_NOT_FOUND", $"draw/{id}", $"No draw {id} is recorded.");
        return record.ToProto();
    }

    [Authorize]
    public override async Task<ListDrawsResponse> ListDraws(ListDrawsRequest request, ServerCallContext context)
    {
        var query = db.Draws.AsNoTracking();
        if (request.GroupNumber != 0)
        {
            query = query.Where(d => d.GroupNumber == request.GroupNumber);
        }
        var records = await query.OrderBy(d => d.RequestedAt).ToListAsync(context.CancellationToken);
        if (request.PartyUnderReview.Length > 0)
        {
            var party = Iso3.Normalize(request.PartyUnderReview, "party_under_review");
            records = [.. records.Where(d => d.PartyUnderReview == party || (d.PairingInputs?.PartiesUnderReview.Contains(party) ?? false))];
        }
        var response = new ListDrawsResponse();
        response.Draws.AddRange(records.Select(d => d.ToSummary()));
        return response;
    }

    [AllowAnonymous]
    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Number).ToListAsync(context.CancellationToken);
        var response = new ListGroupsResponse();
        response.Groups.AddRange(groups.Select(g => g.ToProto(phases.Value)));
        return response;
    }

    [AllowAnonymous]
    public override async Task<GetCountryPairingsResponse> GetCountryPairings(GetCountryPairingsRequest request, ServerCallContext context)
    {
        var query = db.Groups.AsNoTracking();
        if (request.GroupNumber != 0)
        {
            query = query.Where(g => g.Number == request.GroupNumber);
        }
        var groups = await query.OrderBy(g => g.Number).ToListAsync(context.CancellationToken);
        if (request.GroupNumber != 0 && groups.Count == 0)
        {
            throw DomainException.NotFound("GROUP_NOT_FOUND", $"group/{request.GroupNumber}", $"There is no group {request.GroupNumber}.");
        }
        var response = new GetCountryPairingsResponse();
        foreach (var group in groups)
        {
            var entry = new GroupPairings { GroupNumber = group.Number, StartDate = group.StartDate.ToProto() };
            entry.Pairings.AddRange(group.Pairings.OrderBy(p => p.PartyUnderReview, StringComparer.Ordinal).Select(p => p.ToPairing().ToProto(p.RedrawCount)));
            response.Groups.Add(entry);
        }
        return response;
    }

    private async Task<DomainGroup> FindGroupAsync(int number, CancellationToken cancellationToken) =>
        await db.Groups.SingleOrDefaultAsync(g => g.Number == number, cancellationToken)
        ?? throw DomainException.NotFound("GROUP_NOT_FOUND", $"group/{number}", number == 0 ? "Name the group (group_number 1, 2, 3...)." : $"There is no group {number}; split the parties into groups first.");

    /// <summary>The candidates of a draw: the parties of the groups (the participants), party to the Convention on the date.</summary>
    private async Task<IReadOnlyList<Domain.Drawing.DrawCandidate>> ParticipantsAsOfAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().Select(g => g.Parties).ToListAsync(cancellationToken);
        var participants = groups.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        var parties = await db.Parties.AsNoTracking().Where(p => participants.Contains(p.Iso3)).ToListAsync(cancellationToken);
        return DrawingOfLots.CandidatesAsOf(parties, asOf);
    }

    private static List<DateOnly> GroupStartDates(SplitIntoGroupsRequest request, DrawingOfLotsOptions options)
    {
        if (request.GroupStartDates.Count > 0)
        {
            if (request.GroupStartDates.Count != options.GroupCount)
            {
                throw DomainException.Invalid("group_start_dates", $"Give one start date per group ({options.GroupCount}), or only first_group_start.");
            }
            var dates = request.GroupStartDates.Select((d, i) => d.ToDomain($"group_start_dates[{i}]")).ToList();
            if (dates.Zip(dates.Skip(1)).Any(p => p.Second <= p.First))
            {
                throw DomainException.Invalid("group_start_dates", "Groups start one after the other: each start date must be later than the previous one.");
            }
            return dates;
        }
        var first = request.FirstGroupStart.ToDomain("first_group_start");
        return [.. Enumerable.Range(0, options.GroupCount).Select(i => first.AddMonths(i * options.MonthsBetweenGroupStarts))];
    }
}
