using Google.Protobuf.WellKnownTypes;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Parties;
using Pb = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

/// <summary>Conversions of the small values between the contract and the domain (dates, enums, sets).</summary>
internal static class ProtoValues
{
    public static Pb.Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Pb.Date? ToProto(this DateOnly? date) => date?.ToProto();

    /// <summary>A required date; INVALID_ARGUMENT naming the field when absent or impossible.</summary>
    public static DateOnly ToDomain(this Pb.Date? date, string field) =>
        date.ToDomainOrNull(field) ?? throw DomainException.Invalid(field, $"{field} is required (year, month, day).");

    public static DateOnly? ToDomainOrNull(this Pb.Date? date, string field)
    {
        if (date is null)
        {
            return null;
        }
        if (date.Year is < 1900 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(Math.Clamp(date.Year, 1900, 2200), date.Month))
        {
            throw DomainException.Invalid(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date.");
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Timestamp ToProto(this DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    public static Timestamp? ToProto(this DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static Pb.Instrument ToProto(this Instrument instrument) => instrument switch
    {
        Instrument.Untoc => Pb.Instrument.Untoc,
        Instrument.Tip => Pb.Instrument.Tip,
        Instrument.Som => Pb.Instrument.Som,
        _ => Pb.Instrument.Fir,
    };

    public static Instrument ToDomain(this Pb.Instrument instrument, string field) => instrument switch
    {
        Pb.Instrument.Untoc => Instrument.Untoc,
        Pb.Instrument.Tip => Instrument.Tip,
        Pb.Instrument.Som => Instrument.Som,
        Pb.Instrument.Fir => Instrument.Fir,
        _ => throw DomainException.Invalid(field, "Name an instrument: UNTOC, TIP, SOM or FIR."),
    };

    public static IEnumerable<Pb.Instrument> ToProto(this InstrumentSet set) => set.Items().Select(i => i.ToProto());

    public static Pb.RegionalGroup ToProto(this RegionalGroup group) => group switch
    {
        RegionalGroup.None => Pb.RegionalGroup.None,
        RegionalGroup.African => Pb.RegionalGroup.African,
        RegionalGroup.AsiaPacific => Pb.RegionalGroup.AsiaPacific,
        RegionalGroup.EasternEuropean => Pb.RegionalGroup.EasternEuropean,
        RegionalGroup.LatinAmericanAndCaribbean => Pb.RegionalGroup.Grulac,
        _ => Pb.RegionalGroup.Weog,
    };

    public static RegionalGroup ToDomain(this Pb.RegionalGroup group, string field) => group switch
    {
        Pb.RegionalGroup.None => RegionalGroup.None,
        Pb.RegionalGroup.African => RegionalGroup.African,
        Pb.RegionalGroup.AsiaPacific => RegionalGroup.AsiaPacific,
        Pb.RegionalGroup.EasternEuropean => RegionalGroup.EasternEuropean,
        Pb.RegionalGroup.Grulac => RegionalGroup.LatinAmericanAndCaribbean,
        Pb.RegionalGroup.Weog => RegionalGroup.WesternEuropeanAndOthers,
        _ => throw DomainException.Invalid(field, "Name a regional group (NONE for a party in no group, such as the European Union)."),
    };

    public static Pb.Language ToProto(this UnLanguage language) => (Pb.Language)(int)language;

    public static UnLanguage ToDomain(this Pb.Language language, string field) =>
        language is >= Pb.Language.Arabic and <= Pb.Language.Spanish
            ? (UnLanguage)(int)language
            : throw DomainException.Invalid(field, "Only the six UN working languages can be chosen (Arabic, Chinese, English, French, Russian, Spanish).");

    public static Pb.Language ToProto(this UnLanguage? language) => language is { } l ? l.ToProto() : Pb.Language.Unspecified;

    public static Pb.DatePrecision ToProto(this DatePrecision precision) => precision switch
    {
        DatePrecision.NotRecorded => Pb.DatePrecision.NotRecorded,
        DatePrecision.Day => Pb.DatePrecision.Day,
        DatePrecision.Month => Pb.DatePrecision.Month,
        _ => Pb.DatePrecision.Year,
    };

    /// <summary>The precision of a given date; unspecified means a full date when a date is given.</summary>
    public static DatePrecision ToDomain(this Pb.DatePrecision precision, bool hasDate) => precision switch
    {
        Pb.DatePrecision.Day => DatePrecision.Day,
        Pb.DatePrecision.Month => DatePrecision.Month,
        Pb.DatePrecision.Year => DatePrecision.Year,
        Pb.DatePrecision.NotRecorded => DatePrecision.NotRecorded,
        _ => hasDate ? DatePrecision.Day : DatePrecision.NotRecorded,
    };

    public static Pb.ReviewerSlot ToProto(this ReviewerSlot slot) =>
        slot == ReviewerSlot.SameRegion ? Pb.ReviewerSlot.SameRegion : Pb.ReviewerSlot.OtherRegion;

    public static ReviewerSlot ToDomain(this Pb.ReviewerSlot slot, string field) => slot switch
    {
        Pb.ReviewerSlot.SameRegion => ReviewerSlot.SameRegion,
        Pb.ReviewerSlot.OtherRegion => ReviewerSlot.OtherRegion,
        _ => throw DomainException.Invalid(field, "Name the place: SAME_REGION or OTHER_REGION."),
    };

    public static Pb.DrawKind ToProto(this DrawKind kind) => (Pb.DrawKind)(int)kind;

    public static Pb.ReviewStage ToProto(this ReviewStage stage) => (Pb.ReviewStage)(int)stage;

    public static ReviewStage? ToDomainOrNull(this Pb.ReviewStage stage) =>
        stage == Pb.ReviewStage.Unspecified ? null : System.Enum.IsDefined((ReviewStage)(int)stage) ? (ReviewStage)(int)stage
            : throw DomainException.Invalid("stage", "Unknown stage.");

    public static Pb.ReviewRole ToProto(this ReviewRole role) => (Pb.ReviewRole)(int)role;

    public static Pb.DeadlineKind ToProto(this DeadlineKind kind) => (Pb.DeadlineKind)(int)kind;

    public static DeadlineKind ToDomain(this Pb.DeadlineKind kind, string field) =>
        kind != Pb.DeadlineKind.Unspecified && System.Enum.IsDefined((DeadlineKind)(int)kind)
            ? (DeadlineKind)(int)kind
            : throw DomainException.Invalid(field, "Name the deadline (FOCAL_POINT_NOMINATION, EXPERT_NOMINATION, PRELIMINARY_CONSULTATION, SELF_ASSESSMENT_QUESTIONNAIRE, WRITTEN_FEEDBACK or LIST_OF_OBSERVATIONS).");

    public static Pb.BlockerKind ToProto(this BlockerKind kind) => (Pb.BlockerKind)(int)kind;

    public static Pb.NoticeKind ToProto(this NoticeKind kind) => (Pb.NoticeKind)(int)kind;

    public static Pb.ConferenceDecisionOutcome ToProto(this ConferenceDecisionOutcome outcome) => (Pb.ConferenceDecisionOutcome)(int)outcome;

    public static ConferenceDecisionOutcome ToDomain(this Pb.ConferenceDecisionOutcome outcome, string field) => outcome switch
    {
        Pb.ConferenceDecisionOutcome.Advance => ConferenceDecisionOutcome.Advance,
        Pb.ConferenceDecisionOutcome.Hold => ConferenceDecisionOutcome.Hold,
        _ => throw DomainException.Invalid(field, "The decision either lets the group advance (ADVANCE) or holds it back (HOLD)."),
    };
}
