using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Common;

/// <summary>Checks shared by every text a user types: required, a maximum length, no control characters.</summary>
public static class TextRules
{
    public static void Required(List<FieldViolation> violations, string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new(field, "This field is required."));
            return;
        }
        Optional(violations, field, value, maxLength, multiline);
    }

    public static void Optional(List<FieldViolation> violations, string field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length > maxLength)
        {
            violations.Add(new(field, $"At most {maxLength} characters (this one has {value.Length})."));
        }
        else if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            violations.Add(new(field, "Remove the control characters."));
        }
    }

    /// <summary>Input quoted in a message, cut short.</summary>
    public static string Cut(string value, int max = 40) => value.Length <= max ? value : value[..max] + "…";

    /// <summary>For duplicate detection: case, spacing and punctuation ignored.</summary>
    public static string Normalize(string value)
    {
        var folded = value.Trim().ToUpperInvariant().Normalize(System.Text.NormalizationForm.FormKC);
        var chars = folded.Where(char.IsLetterOrDigit).ToArray();
        return new string(chars);
    }
}
