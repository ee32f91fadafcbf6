using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;
using Ratification = Reviews.Api.Domain.Parties.Ratification;
using Instrument = Reviews.Api.Domain.Parties.Instrument;
using DomainParty = Reviews.Api.Domain.Parties.Party;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    [Authorize]
    public override async Task<ListPartiesResponse> ListParties(ListPartiesRequest request, ServerCallContext context)
    {
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Iso3).ToListAsync(context.CancellationToken);
        var asOf = request.AsOf.ToDomainOrNull("as_of") ?? Today;
        IEnumerable<DomainParty> selected = parties;
        if (request.RegionalGroup != V1.RegionalGroup.Unspecified)
        {
            var group = request.RegionalGroup.ToDomain("regional_group");
            selected = selected.Where(p => p.RegionalGroup == group);
        }
        if (request.PartyTo != V1.Instrument.Unspecified)
        {
            var instrument = request.PartyTo.ToDomain("party_to");
            selected = selected.Where(p => p.IsPartyTo(instrument, asOf));
        }
        var response = new ListPartiesResponse();
        response.Parties.AddRange(selected.Select(p => p.ToProto()));
        return response;
    }

    [Authorize]
    public override async Task<V1.Party> GetParty(GetPartyRequest request, ServerCallContext context) =>
        (await FindPartyAsync(request.Iso3, "iso3", context.CancellationToken)).ToProto();

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Party> AddParty(AddPartyRequest request, ServerCallContext context)
    {
        var iso3 = Iso3.Normalize(request.Iso3, "iso3");
        if (await db.Parties.AnyAsync(p => p.Iso3 == iso3, context.CancellationToken))
        {
            throw DomainException.AlreadyExists("PARTY_ALREADY_RECORDED", $"party/{iso3}", $"Party {iso3} is already recorded.");
        }
        var date = request.UntocDate.ToDomainOrNull("untoc_date");
        var convention = new Ratification(Instrument.Untoc, date, request.UntocDatePrecision.ToDomain(date is not null), Blank(request.Source));
        if (date is null)
        {
            throw DomainException.Invalid("untoc_date", "A new party needs the date it became party to the Convention.");
        }
        var party = DomainParty.Create(iso3, request.Name, request.RegionalGroup.ToDomain("regional_group"), convention, Now, context.GetCaller().Subject, Blank(request.Notes));
        db.Parties.Add(party);
        await db.SaveChangesAsync(context.CancellationToken);
        return party.ToProto();
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Party> RecordRatification(RecordRatificationRequest request, ServerCallContext context)
    {
        var party = await FindPartyAsync(request.Iso3, "iso3", context.CancellationToken);
        var instrument = request.Instrument.ToDomain("instrument");
        var date = request.Date.ToDomainOrNull("date");
        if (date is null)
        {
            throw DomainException.Invalid("date", "A new ratification needs its date.");
        }
        party.RecordRatification(new Ratification(instrument, date, request.Precision.ToDomain(true), Blank(request.Source)), Now);
        await db.SaveChangesAsync(context.CancellationToken);
        return party.ToProto();
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Party> SetPermanentMission(SetPermanentMissionRequest request, ServerCallContext context)
    {
        var party = await FindPartyAsync(request.Iso3, "iso3", context.CancellationToken);
        var language = request.CorrespondenceLanguage == V1.Language.Unspecified ? (UnLanguage?)null : request.CorrespondenceLanguage.ToDomain("correspondence_language");
        party.SetPermanentMission(Blank(request.Email), language);
        await db.SaveChangesAsync(context.CancellationToken);
        return party.ToProto();
    }

    private async Task<DomainParty> FindPartyAsync(string code, string field, CancellationToken cancellationToken)
    {
        var iso3 = Iso3.Normalize(code, field);
        return await db.Parties.SingleOrDefaultAsync(p => p.Iso3 == iso3, cancellationToken)
            ?? throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{iso3}", $"No party {iso3} is recorded (parties are ISO 3166-1 alpha-3 codes; EUU is the European Union).");
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
