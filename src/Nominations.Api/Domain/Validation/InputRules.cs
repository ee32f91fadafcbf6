namespace Nominations.Api.Domain.Validation;

/// <summary>Format rules for what callers send: party codes, people, e-mail addresses, phones, texts.</summary>
public static class InputRules
{
    public const int MaxNameLength = 200;
    public const int MaxTitleLength = 120;
    public const int MaxAffiliationLength = 200;
    public const int MaxReasonLength = 2000;
    public const int MaxTaskTitleLength = 300;
    public const int MaxTaskDescriptionLength = 4000;
    public const int MaxEmailLength = 254;
    public const int MaxReviewIdLength = 100;

    /// <summary>An ISO3 code (three letters, upper-cased), or null after recording the violation.</summary>
    public static string? Party(string? raw, string field, Violations violations)
    {
        var value = (raw ?? "").Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            violations.Add(field, "the party (ISO 3166 alpha-3 code, e.g. \"KEN\") is required");
            return null;
        }
        if (value.Length != 3 || !value.All(c => c is >= 'A' and <= 'Z'))
        {
            violations.Add(field, $"\"{raw}\" is not a party code: expected three letters (ISO 3166 alpha-3, e.g. \"KEN\")");
            return null;
        }
        return value;
    }

    public static string? CountryReviewId(string? raw, string field, Violations violations)
    {
        var value = (raw ?? "").Trim();
        if (value.Length == 0)
        {
            violations.Add(field, "the country review id is required");
            return null;
        }
        if (value.Length > MaxReviewIdLength || value.Any(char.IsControl))
        {
            violations.Add(field, $"\"{raw}\" is not a country review id");
            return null;
        }
        return value;
    }

    public static Guid? Id(string? raw, string field, string what, Violations violations)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            violations.Add(field, $"the {what} id is required");
            return null;
        }
        if (!Guid.TryParse(raw.Trim(), out var id))
        {
            violations.Add(field, $"\"{raw}\" is not a {what} id");
            return null;
        }
        return id;
    }

    public static string? RequiredText(string? raw, string field, string what, int maxLength, Violations violations)
    {
        var value = (raw ?? "").Trim();
        if (value.Length == 0)
        {
            violations.Add(field, $"the {what} is required");
            return null;
        }
        return Limited(value, field, maxLength, violations);
    }

    public static string OptionalText(string? raw, string field, int maxLength, Violations violations) =>
        Limited((raw ?? "").Trim(), field, maxLength, violations) ?? "";

    public static PersonDetails? Person(PersonInput? input, string field, Violations violations)
    {
        if (input is null)
        {
            violations.Add(field, "the person (name, e-mail, ...) is required");
            return null;
        }
        var name = RequiredText(input.FullName, field + ".full_name", "full name", MaxNameLength, violations);
        var title = OptionalText(input.Title, field + ".title", MaxTitleLength, violations);
        var email = Email(input.Email, field + ".email", violations);
        var phone = Phone(input.Phone, field + ".phone", violations);
        var affiliation = OptionalText(input.Affiliation, field + ".affiliation", MaxAffiliationLength, violations);
        if (input.Gender is null)
        {
            violations.Add(field + ".gender", "the gender must be FEMALE, MALE or NOT_INFORMED");
        }
        if (name is null || email is null || phone is null || input.Gender is null)
        {
            return null;
        }
        return new PersonDetails(name, title, input.Gender.Value, email, phone, affiliation);
    }

    /// <summary>
    /// A plain address <c>local@domain</c>: no display name, no comments, no quoted local part; the domain has
    /// at least two labels of letters, digits and inner hyphens, and a top-level label of two letters or more.
    /// </summary>
    public static string? Email(string? raw, string field, Violations violations)
    {
        var value = (raw ?? "").Trim();
        if (value.Length == 0)
        {
            violations.Add(field, "the e-mail address is required (the person's account is created from it)");
            return null;
        }
        if (!IsEmail(value))
        {
            violations.Add(field, $"\"{raw}\" is not a valid e-mail address (expected name@institution.example)");
            return null;
        }
        return value;
    }

    public static bool IsEmail(string value)
    {
        if (value.Length > MaxEmailLength)
        {
            return false;
        }
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }
        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        const string localSpecials = "!#$%&'*+/=?^_`{|}~.-";
        if (!local.All(c => char.IsAsciiLetterOrDigit(c) || localSpecials.Contains(c)))
        {
            return false;
        }
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }
        var top = labels[^1];
        return top.Length >= 2 && top.All(char.IsAsciiLetter);
    }

    /// <summary>Optional; digits, spaces and <c>+ - ( ) .</c>, a leading "+" only, 6 to 20 digits. Empty when absent.</summary>
    public static string? Phone(string? raw, string field, Violations violations)
    {
        var value = (raw ?? "").Trim();
        if (value.Length == 0)
        {
            return "";
        }
        var digits = value.Count(char.IsAsciiDigit);
        var shapeOk = value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.')
            && value.LastIndexOf('+') <= 0;
        if (!shapeOk || digits is < 6 or > 20)
        {
            violations.Add(field, $"\"{raw}\" is not a phone number (expected e.g. \"+43 1 26060 0000\")");
            return null;
        }
        return value;
    }

    private static string? Limited(string value, string field, int maxLength, Violations violations)
    {
        if (value.Length > maxLength)
        {
            violations.Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed");
            return null;
        }
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            violations.Add(field, "contains control characters");
            return null;
        }
        return value;
    }
}
