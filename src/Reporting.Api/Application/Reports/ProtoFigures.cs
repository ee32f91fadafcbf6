using Google.Protobuf.WellKnownTypes;
using Reporting.Api.Domain.Figures;
using Reporting.Api.Domain.Reviews;
using ReviewMechanism.Reporting.V1;
using Pb = ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Reports;

/// <summary>Mapping of the domain's figures to the contract's messages.</summary>
public static class ProtoFigures
{
    public static Share Share(ShareFigure figure) => new()
    {
        Count = figure.Count,
        Of = figure.Of,
        Percent = figure.Percent,
        Display = figure.Display,
    };

    public static Share Share(int count, int of) => Share(ShareFigure.From(count, of));

    public static Pb.Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Pb.ReviewStage ProtoStage(Stage stage) => (Pb.ReviewStage)(int)stage;

    public static Pb.Language Language(string code) => code switch
    {
        "ar" => Pb.Language.Arabic,
        "zh" => Pb.Language.Chinese,
        "en" => Pb.Language.English,
        "fr" => Pb.Language.French,
        "ru" => Pb.Language.Russian,
        "es" => Pb.Language.Spanish,
        _ => Pb.Language.Unspecified,
    };

    public static string LanguageCode(Pb.Language language) => language switch
    {
        Pb.Language.Arabic => "ar",
        Pb.Language.Chinese => "zh",
        Pb.Language.English => "en",
        Pb.Language.French => "fr",
        Pb.Language.Russian => "ru",
        Pb.Language.Spanish => "es",
        _ => "",
    };

    public static Timestamp? Time(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static GenderCounts Genders(int female, int male, int notInformed) => new()
    {
        Total = female + male + notInformed,
        Female = female,
        Male = male,
        NotInformed = notInformed,
        FemaleShare = Share(female, female + male + notInformed),
    };
}
