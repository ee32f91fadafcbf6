using System.Security.Cryptography;

namespace Engagement.Api.Domain.Applications;

/// <summary>
/// The reference an applicant quotes, e.g. <c>CD-7KQM-3XPW</c>: 40 random bits in Crockford's base 32 (no I, L, O, U),
/// so it cannot be guessed from another one.
/// </summary>
public static class ApplicationReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string prefix = "CD")
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var value = BitConverter.ToUInt64(bytes) & ((1UL << 40) - 1);
        Span<char> chars = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return $"{prefix}-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>What a person typed, as stored: upper case, spaces dropped, O read as 0 and I/L as 1.</summary>
    public static string Normalize(string typed) =>
        new string(typed.Trim().ToUpperInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray())
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
}
