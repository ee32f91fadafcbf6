using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.Drawing;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<SplitIntoGroupsResponse> SplitIntoGroups(SplitIntoGroupsRequest request, ServerCallContext context)
    {
        var command = new SplitIntoGroupsCommand(
            [.. request.Participants], request.AsOf.ToDomainOrNull("as_of"), request.FirstGroupStart.ToDomainOrNull("first_group_start"),
            StartDates(request.GroupStartDates), request.HasSeed ? request.Seed : null);
        return ToProto(await draws.SplitIntoGroupsAsync(context.GetCaller(), command, context.CancellationToken));
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<SplitIntoGroupsResponse> RecordGroupSplit(RecordGroupSplitRequest request, ServerCallContext context)
    {
        var command = new RecordGroupSplitCommand(
            [.. request.Groups.Select(g => (IReadOnlyList<string>)[.. g.Parties])], request.AsOf.ToDomainOrNull("as_of"),
            request.FirstGroupStart.ToDomainOrNull("first_group_start"), StartDates(request.GroupStartDates), request.Reference);
        return ToProto(await draws.RecordGroupSplitAsync(context.GetCaller(), command, context.CancellationToken));
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<DrawPairingsResponse> DrawPairings(DrawPairingsRequest request, ServerCallContext context)
    {
        var command = new DrawPairingsCommand(request.GroupNumber, request.AsOf.ToDomainOrNull("as_of"), request.HasSeed ? request.Seed : null);
        var drawn = await draws.DrawPairingsAsync(context.GetCaller(), command, context.CancellationToken);
        var response = new DrawPairingsResponse { Draw = drawn.Draw.ToProto() };
        response.Pairings.AddRange(drawn.Pairings.Select(p => p.ToProto()));
        response.CountryReviewIds.AddRange(drawn.CountryReviewIds);
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat + "," + MechanismRoles.FocalPoint)]
    public override async Task<RequestRedrawResponse> RequestRedraw(RequestRedrawRequest request, ServerCallContext context)
    {
        var command = new RequestRedrawCommand(
            request.PartyUnderReview, request.RequestingParty, [.. request.Slots.Select(s => s.ToDomain("slots"))], request.Reason,
            request.AsOf.ToInput(), request.HasSeed ? request.Seed : null);
        var redrawn = await draws.RequestRedrawAsync(context.GetCaller(), command, context.CancellationToken);
        return new RequestRedrawResponse { Draw = redrawn.Draw.ToProto(), Pairing = redrawn.Pairing.ToProto(redrawn.RedrawCount) };
    }

    [Authorize]
    public override async Task<V1.DrawRecord> GetDraw(GetDrawRequest request, ServerCallContext context) =>
        (await draws.GetDrawAsync(request.DrawId, context.CancellationToken)).ToProto();

    [Authorize]
    public override async Task<ListDrawsResponse> ListDraws(ListDrawsRequest request, ServerCallContext context)
    {
        var response = new ListDrawsResponse();
        response.Draws.AddRange((await draws.ListDrawsAsync(request.GroupNumber, request.PartyUnderReview, context.CancellationToken)).Select(d => d.ToSummary()));
        return response;
    }

    [AllowAnonymous]
    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        var response = new ListGroupsResponse();
        response.Groups.AddRange((await draws.ListGroupsAsync(context.CancellationToken)).Select(g => g.ToProto(phaseOptions.Value)));
        return response;
    }

    [AllowAnonymous]
    public override async Task<GetCountryPairingsResponse> GetCountryPairings(GetCountryPairingsRequest request, ServerCallContext context)
    {
        var response = new GetCountryPairingsResponse();
        foreach (var group in await draws.PairingsOfAsync(request.GroupNumber, context.CancellationToken))
        {
            var entry = new GroupPairings { GroupNumber = group.Number, StartDate = group.StartDate.ToProto() };
            entry.Pairings.AddRange(group.Pairings.OrderBy(p => p.PartyUnderReview, StringComparer.Ordinal).Select(p => p.ToPairing().ToProto(p.RedrawCount)));
            response.Groups.Add(entry);
        }
        return response;
    }

    private static List<DateOnly> StartDates(IEnumerable<Date> dates) => [.. dates.Select((d, i) => d.ToDomain($"group_start_dates[{i}]"))];

    private SplitIntoGroupsResponse ToProto(GroupSplitResult split)
    {
        var response = new SplitIntoGroupsResponse { Draw = split.Draw.ToProto() };
        response.Groups.AddRange(split.Groups.Select(g => g.ToProto(phaseOptions.Value)));
        return response;
    }
}
