using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;

namespace Reviews.Api.Domain.CountryReviews;

/// <summary>The languages of a review: one or two of the six, three only in exceptional cases (para 50).</summary>
public static class WorkingLanguages
{
    public const int Usual = 2;
    public const int Exceptional = 3;

    /// <summary>Checks a choice of languages and returns it without duplicates in the order given.</summary>
    public static List<UnLanguage> Validate(IReadOnlyList<UnLanguage> languages, bool exceptional)
    {
        if (languages.Count == 0)
        {
            throw DomainException.Invalid("languages", "Choose at least one of the six working languages (Arabic, Chinese, English, French, Russian, Spanish).");
        }
        if (languages.Any(l => !Enum.IsDefined(l)))
        {
            throw DomainException.Invalid("languages", "Only the six UN working languages can be chosen (Arabic, Chinese, English, French, Russian, Spanish).");
        }
        if (languages.Distinct().Count() != languages.Count)
        {
            throw DomainException.Invalid("languages", "A working language is listed twice.");
        }
        if (languages.Count > Exceptional)
        {
            throw DomainException.Invalid("languages", $"A review uses one or two working languages, three in exceptional cases (para 50); {languages.Count} were asked for.");
        }
        if (languages.Count == Exceptional && !exceptional)
        {
            throw DomainException.Invalid("exceptional", "Three working languages are allowed only in exceptional cases (para 50): mark the choice as exceptional.");
        }
        return [.. languages];
    }
}
