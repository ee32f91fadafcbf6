using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Application.Parties;

/// <summary>Which parties to list: all, or those of a regional group, or those party to an instrument on <see cref="AsOf"/> (default today).</summary>
public sealed record PartyFilter(RegionalGroup? RegionalGroup, Instrument? PartyTo, DateOnly? AsOf);

/// <summary>A new party: its ISO3 code, name, regional group and the date it became party to the Convention (required).</summary>
public sealed record AddPartyCommand(string Iso3, string Name, RegionalGroup RegionalGroup, DateOnly? UntocDate, DatePrecision UntocDatePrecision, string? Source, string? Notes);

/// <summary>A ratification (or accession) of an instrument by a recorded party; the date is required.</summary>
public sealed record RecordRatificationCommand(string Iso3, Instrument Instrument, DateOnly? Date, DatePrecision Precision, string? Source);

/// <summary>The Permanent Mission's address and correspondence language (null clears).</summary>
public sealed record SetPermanentMissionCommand(string Iso3, string? Email, UnLanguage? CorrespondenceLanguage);
