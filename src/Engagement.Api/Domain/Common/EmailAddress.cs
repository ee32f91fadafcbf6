using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Engagement.Api.Domain.Common;

/// <summary>A contact address: one mailbox, no display name, a dotted domain, at most 254 characters.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || !Shape().IsMatch(value))
        {
            return false;
        }
        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.DisplayName.Length == 0;
    }

    /// <summary>For duplicate detection and look-ups: trimmed, lower case.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^[^\s@<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Shape();
}
