using ReviewMechanism.ServiceDefaults.Errors;

namespace Reviews.Api.Domain.Common;

/// <summary>Party codes: ISO 3166-1 alpha-3 upper case (EUU for the European Union).</summary>
public static class Iso3
{
    public static bool IsValid(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Trims and upper-cases; throws INVALID_ARGUMENT naming <paramref name="field"/> when not three letters.</summary>
    public static string Normalize(string? code, string field)
    {
        var normalized = code?.Trim().ToUpperInvariant();
        if (!IsValid(normalized))
        {
            throw DomainException.Invalid(field, $"'{code}' is not a party code: use the three-letter ISO 3166-1 alpha-3 code (EUU for the European Union).");
        }
        return normalized!;
    }
}
