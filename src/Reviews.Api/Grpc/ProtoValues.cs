using Google.Protobuf.WellKnownTypes;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Parties;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

/// <summary>Conversions of the small values between the contract and the domain (dates, enums, sets).</summary>
internal static class ProtoValues
{
    public static V1.Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static V1.Date? ToProto(this DateOnly? date) => date?.ToProto();

    /// <summary>A required date; INVALID_ARGUMENT naming the field when absent or impossible.</summary>
    public static DateOnly ToDomain(this V1.Date? date, string field) =>
        date.ToDomainOrNull(field) ?? throw DomainException.Invalid(field, $"{field} is required (year, month, day).");

    public static DateOnly? ToDomainOrNull(this V1.Date? date, string field) => date.ToInput()?.ToDate(field);

    /// <summary>The date unchecked, for a use case that checks it after the caller (see <see cref="DateInput"/>).</summary>
    public static DateInput? ToInput(this V1.Date? date) => date is null ? null : new DateInput(date.Year, date.Month, date.Day);

    public static Timestamp ToProto(this DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    public static Timestamp? ToProto(this DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static V1.Instrument ToProto(this Instrument instrument) => instrument switch
    {
        Instrument.Untoc => V1.Instrument.Untoc,
        Instrument.Tip => V1.Instrument.Tip,
        Instrument.Som => V1.Instrument.Som,
        _ => V1.Instrument.Fir,
    };

    public static Instrument ToDomain(this V1.Instrument instrument, string field) => instrument switch
    {
        V1.Instrument.Untoc => Instrument.Untoc,
        V1.Instrument.Tip => Instrument.Tip,
        V1.Instrument.Som => Instrument.Som,
        V1.Instrument.Fir => Instrument.Fir,
        _ => throw DomainException.Invalid(field, "Name an instrument: UNTOC, TIP, SOM or FIR."),
    };

    public static IEnumerable<V1.Instrument> ToProto(this InstrumentSet set) => set.Items().Select(i => i.ToProto());

    public static V1.RegionalGroup ToProto(this RegionalGroup group) => group switch
    {
        RegionalGroup.None => V1.RegionalGroup.None,
        RegionalGroup.African => V1.RegionalGroup.African,
        RegionalGroup.AsiaPacific => V1.RegionalGroup.AsiaPacific,
        RegionalGroup.EasternEuropean => V1.RegionalGroup.EasternEuropean,
        RegionalGroup.LatinAmericanAndCaribbean => V1.RegionalGroup.Grulac,
        _ => V1.RegionalGroup.Weog,
    };

    public static RegionalGroup ToDomain(this V1.RegionalGroup group, string field) => group switch
    {
        V1.RegionalGroup.None => RegionalGroup.None,
        V1.RegionalGroup.African => RegionalGroup.African,
        V1.RegionalGroup.AsiaPacific => RegionalGroup.AsiaPacific,
        V1.RegionalGroup.EasternEuropean => RegionalGroup.EasternEuropean,
        V1.RegionalGroup.Grulac => RegionalGroup.LatinAmericanAndCaribbean,
        V1.RegionalGroup.Weog => RegionalGroup.WesternEuropeanAndOthers,
        _ => throw DomainException.Invalid(field, "Name a regional group (NONE for a party in no group, such as the European Union)."),
    };

    public static V1.Language ToProto(this UnLanguage language) => (V1.Language)(int)language;

    public static UnLanguage ToDomain(this V1.Language language, string field) =>
        language is >= V1.Language.Arabic and <= V1.Language.Spanish
            ? (UnLanguage)(int)language
            : throw DomainException.Invalid(field, "Only the six UN working languages can be chosen (Arabic, Chinese, English, French, Russian, Spanish).");

    public static V1.Language ToProto(this UnLanguage? language) => language is { } l ? l.ToProto() : V1.Language.Unspecified;

    public static V1.DatePrecision ToProto(this DatePrecision precision) => precision switch
    {
        DatePrecision.NotRecorded => V1.DatePrecision.NotRecorded,
        DatePrecision.Day => V1.DatePrecision.Day,
        DatePrecision.Month => V1.DatePrecision.Month,
        _ => V1.DatePrecision.Year,
    };

    /// <summary>The precision of a given date; unspecified means a full date when a date is given.</summary>
    public static DatePrecision ToDomain(this V1.DatePrecision precision, bool hasDate) => precision switch
    {
        V1.DatePrecision.Day => DatePrecision.Day,
        V1.DatePrecision.Month => DatePrecision.Month,
        V1.DatePrecision.Year => DatePrecision.Year,
        V1.DatePrecision.NotRecorded => DatePrecision.NotRecorded,
        _ => hasDate ? DatePrecision.Day : DatePrecision.NotRecorded,
    };

    public static V1.ReviewerSlot ToProto(this ReviewerSlot slot) =>
        slot == ReviewerSlot.SameRegion ? V1.ReviewerSlot.SameRegion : V1.ReviewerSlot.OtherRegion;

    public static ReviewerSlot ToDomain(this V1.ReviewerSlot slot, string field) => slot switch
    {
        V1.ReviewerSlot.SameRegion => ReviewerSlot.SameRegion,
        V1.ReviewerSlot.OtherRegion => ReviewerSlot.OtherRegion,
        _ => throw DomainException.Invalid(field, "Name the place: SAME_REGION or OTHER_REGION."),
    };

    public static V1.DrawKind ToProto(this DrawKind kind) => (V1.DrawKind)(int)kind;

    public static V1.ReviewStage ToProto(this ReviewStage stage) => (V1.ReviewStage)(int)stage;

    public static ReviewStage? ToDomainOrNull(this V1.ReviewStage stage) =>
        stage == V1.ReviewStage.Unspecified ? null : System.Enum.IsDefined((ReviewStage)(int)stage) ? (ReviewStage)(int)stage
            : throw DomainException.Invalid("stage", "Unknown stage.");

    public static V1.ReviewRole ToProto(this ReviewRole role) => (V1.ReviewRole)(int)role;

    public static V1.DeadlineKind ToProto(this DeadlineKind kind) => (V1.DeadlineKind)(int)kind;

    public static DeadlineKind ToDomain(this V1.DeadlineKind kind, string field) =>
        kind != V1.DeadlineKind.Unspecified && System.Enum.IsDefined((DeadlineKind)(int)kind)
            ? (DeadlineKind)(int)kind
            : throw DomainException.Invalid(field, "Name the deadline (FOCAL_POINT_NOMINATION, EXPERT_NOMINATION, PRELIMINARY_CONSULTATION, SELF_ASSESSMENT_QUESTIONNAIRE, WRITTEN_FEEDBACK or LIST_OF_OBSERVATIONS).");

    public static V1.BlockerKind ToProto(this BlockerKind kind) => (V1.BlockerKind)(int)kind;

    public static V1.NoticeKind ToProto(this NoticeKind kind) => (V1.NoticeKind)(int)kind;

    public static V1.ConferenceDecisionOutcome ToProto(this ConferenceDecisionOutcome outcome) => (V1.ConferenceDecisionOutcome)(int)outcome;

    public static ConferenceDecisionOutcome ToDomain(this V1.ConferenceDecisionOutcome outcome, string field) => outcome switch
    {
        V1.ConferenceDecisionOutcome.Advance => ConferenceDecisionOutcome.Advance,
        V1.ConferenceDecisionOutcome.Hold => ConferenceDecisionOutcome.Hold,
        _ => throw DomainException.Invalid(field, "The decision either lets the group advance (ADVANCE) or holds it back (HOLD)."),
    };
}
