using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Application.Parties;

/// <summary>The parties to the Convention and its Protocols: listed and read by any user, recorded by the Secretariat.</summary>
public sealed class PartyWorkflow(ReviewsDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<Party>> ListAsync(PartyFilter filter, CancellationToken cancellationToken)
    {
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Iso3).ToListAsync(cancellationToken);
        var asOf = filter.AsOf ?? time.Today();
        IEnumerable<Party> selected = parties;
        if (filter.RegionalGroup is { } group)
        {
            selected = selected.Where(p => p.RegionalGroup == group);
        }
        if (filter.PartyTo is { } instrument)
        {
            selected = selected.Where(p => p.IsPartyTo(instrument, asOf));
        }
        return [.. selected];
    }

    public Task<Party> GetAsync(string iso3, CancellationToken cancellationToken) => db.FindPartyAsync(iso3, "iso3", cancellationToken);

    public async Task<Party> AddAsync(Caller caller, AddPartyCommand command, CancellationToken cancellationToken)
    {
        var iso3 = Iso3.Normalize(command.Iso3, "iso3");
        if (await db.Parties.AnyAsync(p => p.Iso3 == iso3, cancellationToken))
        {
            throw DomainException.AlreadyExists("PARTY_ALREADY_RECORDED", $"party/{iso3}", $"Party {iso3} is already recorded.");
        }
        if (command.UntocDate is null)
        {
            throw DomainException.Invalid("untoc_date", "A new party needs the date it became party to the Convention.");
        }
        var convention = new Ratification(Instrument.Untoc, command.UntocDate, command.UntocDatePrecision, command.Source);
        var party = Party.Create(iso3, command.Name, command.RegionalGroup, convention, time.GetUtcNow(), caller.Subject, command.Notes);
        db.Parties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
        return party;
    }

    public async Task<Party> RecordRatificationAsync(RecordRatificationCommand command, CancellationToken cancellationToken)
    {
        var party = await db.FindPartyAsync(command.Iso3, "iso3", cancellationToken);
        if (command.Date is null)
        {
            throw DomainException.Invalid("date", "A new ratification needs its date.");
        }
        party.RecordRatification(new Ratification(command.Instrument, command.Date, command.Precision, command.Source), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return party;
    }

    public async Task<Party> SetPermanentMissionAsync(SetPermanentMissionCommand command, CancellationToken cancellationToken)
    {
        var party = await db.FindPartyAsync(command.Iso3, "iso3", cancellationToken);
        party.SetPermanentMission(command.Email, command.CorrespondenceLanguage);
        await db.SaveChangesAsync(cancellationToken);
        return party;
    }
}
