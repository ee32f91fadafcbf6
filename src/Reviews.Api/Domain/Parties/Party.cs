using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;

namespace Reviews.Api.Domain.Parties;

/// <summary>
/// A party to the Convention (a State or the European Union) with its Protocols, each with its date,
/// and the regional group it is counted in for the drawing of lots.
/// </summary>
public sealed class Party
{
    private readonly List<Ratification> _ratifications = [];

    private Party()
    {
        Iso3 = "";
        Name = "";
    }

    public string Iso3 { get; private set; }

    public string Name { get; private set; }

    /// <summary>Explicit regional group; <see cref="RegionalGroup.None"/> for the EU (see RegionalAffinityOptions).</summary>
    public RegionalGroup RegionalGroup { get; private set; }

    /// <summary>Free-text provenance notes kept from the data file (including its DOUBTFUL remarks).</summary>
    public string? Notes { get; private set; }

    /// <summary>Instruments whose status the data file marks DOUBTFUL (to check against the UN Treaty Collection).</summary>
    public InstrumentSet DoubtfulInstruments { get; private set; }

    /// <summary>The Permanent Mission's address, copied on every notice to the party's focal point.</summary>
    public string? PermanentMissionEmail { get; private set; }

    /// <summary>The language the Permanent Mission corresponds in, when no working language is agreed yet.</summary>
    public UnLanguage? CorrespondenceLanguage { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public IReadOnlyList<Ratification> Ratifications => _ratifications;

    /// <summary>A new party. It must be party to the Convention; protocols come as ratifications.</summary>
    public static Party Create(
        string iso3,
        string name,
        RegionalGroup regionalGroup,
        Ratification convention,
        DateTimeOffset recordedAt,
        string recordedBy,
        string? notes = null)
    {
        var violations = new List<FieldViolation>();
        if (!Iso3Valid(iso3))
        {
            violations.Add(new FieldViolation("iso3", $"'{iso3}' is not a three-letter ISO 3166-1 alpha-3 code (EUU for the European Union)."));
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            violations.Add(new FieldViolation("name", "A party needs a name."));
        }
        if (!Enum.IsDefined(regionalGroup))
        {
            violations.Add(new FieldViolation("regional_group", "Unknown regional group."));
        }
        if (convention.Instrument != Instrument.Untoc)
        {
            violations.Add(new FieldViolation("untoc_ratification", "A party of the Mechanism is first a party to the Convention (UNTOC)."));
        }
        if (convention.Date is { } date && DateOnly.FromDateTime(recordedAt.UtcDateTime) < date)
        {
            violations.Add(new FieldViolation("untoc_ratification.date", $"The Convention date {date:yyyy-MM-dd} is in the future."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid($"The party cannot be added: {string.Join(" ", violations.Select(v => v.Description))}", violations);
        }
        var party = new Party
        {
            Iso3 = iso3,
            Name = name.Trim(),
            RegionalGroup = regionalGroup,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
        party._ratifications.Add(convention);
        return party;
    }

    public bool IsPartyTo(Instrument instrument, DateOnly asOf) =>
        _ratifications.Any(r => r.Instrument == instrument && r.InForceOn(asOf));

    /// <summary>Every instrument the party is party to on <paramref name="asOf"/>.</summary>
    public InstrumentSet InstrumentsAsOf(DateOnly asOf) =>
        InstrumentSet.Of(_ratifications.Where(r => r.InForceOn(asOf)).Select(r => r.Instrument));

    /// <summary>Every instrument the party is party to, whatever the date.</summary>
    public InstrumentSet AllInstruments => InstrumentSet.Of(_ratifications.Select(r => r.Instrument));

    public Ratification? RatificationOf(Instrument instrument) => _ratifications.FirstOrDefault(r => r.Instrument == instrument);

    /// <summary>Records a new ratification, accession or approval of a Protocol.</summary>
    public void RecordRatification(Ratification ratification, DateTimeOffset now)
    {
        if (RatificationOf(ratification.Instrument) is { } existing)
        {
            throw DomainException.AlreadyExists(
                "RATIFICATION_ALREADY_RECORDED",
                $"party/{Iso3}/{ratification.Instrument.Code()}",
                $"{Name} is already recorded as party to {ratification.Instrument.Title()} ({existing}).");
        }
        if (ratification.Date is { } date && DateOnly.FromDateTime(now.UtcDateTime) < date)
        {
            throw DomainException.Invalid("date", $"The ratification date {date:yyyy-MM-dd} is in the future.");
        }
        if (ratification.Date is not null && ratification.Precision == DatePrecision.NotRecorded)
        {
            throw DomainException.Invalid("precision", "A ratification with a date needs the date's precision (day, month or year).");
        }
        if (ratification.Date is null && ratification.Precision != DatePrecision.NotRecorded)
        {
            throw DomainException.Invalid("date", $"A ratification of precision {ratification.Precision} needs a date.");
        }
        var convention = RatificationOf(Instrument.Untoc)!;
        if (ratification.Instrument.IsProtocol() && ratification.Precision != DatePrecision.NotRecorded
            && ratification.EffectiveFrom < convention.EffectiveFrom && convention.Precision != DatePrecision.NotRecorded)
        {
            throw DomainException.Invalid(
                "date",
                $"{Name} became party to the Convention on {convention.EffectiveFrom:yyyy-MM-dd}; only parties to the Convention can become parties to its Protocols (art. 37), so {ratification} cannot be earlier.");
        }
        _ratifications.Add(ratification);
    }

    /// <summary>Marks instruments whose status is doubtful in the source data (kept as data, shown to the secretariat).</summary>
    public void MarkDoubtful(InstrumentSet instruments) => DoubtfulInstruments = instruments;

    public void SetPermanentMission(string? email, UnLanguage? correspondenceLanguage)
    {
        if (email is not null && !LooksLikeEmail(email))
        {
            throw DomainException.Invalid("permanent_mission_email", $"'{email}' is not an e-mail address.");
        }
        PermanentMissionEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        CorrespondenceLanguage = correspondenceLanguage;
    }

    public override string ToString() => $"{Name} ({Iso3})";

    internal static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at < email.Length - 3 && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace);
    }

    private static bool Iso3Valid(string iso3) => Common.Iso3.IsValid(iso3);
}
