using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.Parties;
using Reviews.Api.Domain.Common;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    [Authorize]
    public override async Task<ListPartiesResponse> ListParties(ListPartiesRequest request, ServerCallContext context)
    {
        var filter = new PartyFilter(
            request.RegionalGroup == V1.RegionalGroup.Unspecified ? null : request.RegionalGroup.ToDomain("regional_group"),
            request.PartyTo == V1.Instrument.Unspecified ? null : request.PartyTo.ToDomain("party_to"),
            request.AsOf.ToDomainOrNull("as_of"));
        var response = new ListPartiesResponse();
        response.Parties.AddRange((await parties.ListAsync(filter, context.CancellationToken)).Select(p => p.ToProto()));
        return response;
    }

    [Authorize]
    public override async Task<V1.Party> GetParty(GetPartyRequest request, ServerCallContext context) =>
        (await parties.GetAsync(request.Iso3, context.CancellationToken)).ToProto();

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Party> AddParty(AddPartyRequest request, ServerCallContext context)
    {
        var date = request.UntocDate.ToDomainOrNull("untoc_date");
        var command = new AddPartyCommand(
            request.Iso3, request.Name, request.RegionalGroup.ToDomain("regional_group"), date, request.UntocDatePrecision.ToDomain(date is not null),
            Blank(request.Source), Blank(request.Notes));
        return (await parties.AddAsync(context.GetCaller(), command, context.CancellationToken)).ToProto();
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Party> RecordRatification(RecordRatificationRequest request, ServerCallContext context)
    {
        var command = new RecordRatificationCommand(
            request.Iso3, request.Instrument.ToDomain("instrument"), request.Date.ToDomainOrNull("date"), request.Precision.ToDomain(true), Blank(request.Source));
        return (await parties.RecordRatificationAsync(command, context.CancellationToken)).ToProto();
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Party> SetPermanentMission(SetPermanentMissionRequest request, ServerCallContext context)
    {
        var language = request.CorrespondenceLanguage == V1.Language.Unspecified ? (UnLanguage?)null : request.CorrespondenceLanguage.ToDomain("correspondence_language");
        var command = new SetPermanentMissionCommand(request.Iso3, Blank(request.Email), language);
        return (await parties.SetPermanentMissionAsync(command, context.CancellationToken)).ToProto();
    }
}
