using Google.Protobuf.WellKnownTypes;
using Reporting.Api.Domain.Figures;
using Reporting.Api.Domain.Reviews;
using ReviewMechanism.Reporting.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

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

    public static ReviewsV1.Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static ReviewsV1.ReviewStage ProtoStage(Stage stage) => (ReviewsV1.ReviewStage)(int)stage;

    public static ReviewsV1.Language Language(string code) => code switch
    {
        "ar" => ReviewsV1.Language.Arabic,
        "zh" => ReviewsV1.Language.Chinese,
        "en" => ReviewsV1.Language.English,
        "fr" => ReviewsV1.Language.French,
        "ru" => ReviewsV1.Language.Russian,
        "es" => ReviewsV1.Language.Spanish,
        _ => ReviewsV1.Language.Unspecified,
    };

    public static string LanguageCode(ReviewsV1.Language language) => language switch
    {
        ReviewsV1.Language.Arabic => "ar",
        ReviewsV1.Language.Chinese => "zh",
        ReviewsV1.Language.English => "en",
        ReviewsV1.Language.French => "fr",
        ReviewsV1.Language.Russian => "ru",
        ReviewsV1.Language.Spanish => "es",
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
