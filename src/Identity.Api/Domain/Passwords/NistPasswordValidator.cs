using System.Globalization;
using System.Text;
using Identity.Api.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Identity.Api.Domain.Passwords;

/// <summary>
/// Password rules of NIST SP 800-63B (5.1.1.2): at least 12 characters, at most 256, no
/// composition rule (no "one digit, one symbol"), and refusal of passwords that are common,
/// repetitive or sequential, or built from the account's own name or e-mail.
/// </summary>
public sealed class NistPasswordValidator(CommonPasswordList commonPasswords) : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var errors = Check(password ?? "", user).Select(e => new IdentityError { Code = e.Code, Description = e.Message }).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public IReadOnlyList<(string Code, string Message)> Check(string password, ApplicationUser? user)
    {
        var errors = new List<(string, string)>();
        var normalized = password.Normalize(NormalizationForm.FormKC);
        var length = new StringInfo(normalized).LengthInTextElements;
        if (length < MinimumLength)
        {
            errors.Add(("PasswordTooShort", $"The password must have at least {MinimumLength} characters."));
            return errors;
        }
        if (length > MaximumLength)
        {
            errors.Add(("PasswordTooLong", $"The password must have at most {MaximumLength} characters."));
            return errors;
        }
        if (commonPasswords.Contains(normalized) || commonPasswords.Contains(normalized.Trim()))
            errors.Add(("PasswordCommon", "This password is too common and easy to guess; choose another one (a short sentence works well)."));
        else if (IsRepetitiveOrSequential(normalized))
            errors.Add(("PasswordRepetitive", "This password only repeats or counts characters; choose another one."));
        else if (user is not null && ContainsOwnName(normalized, user))
            errors.Add(("PasswordContainsName", "The password must not contain your name or e-mail address."));
        return errors;
    }

    private static bool IsRepetitiveOrSequential(string password)
    {
        var distinct = password.Distinct().Count();
        if (distinct <= 3) return true;
        var steps = 0;
        for (var i = 1; i < password.Length; i++)
        {
            var diff = password[i] - password[i - 1];
            if (diff is 1 or -1 or 0) steps++;
        }
        return steps >= password.Length - 2;
    }

    private static bool ContainsOwnName(string password, ApplicationUser user)
    {
        var words = new List<string>();
        if (user.Email is { } email) words.Add(email.Split('@')[0]);
        if (user.UserName is { } userName) words.Add(userName.Split('@')[0]);
        words.AddRange(user.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var lowered = password.ToLowerInvariant();
        // A password that is mostly the name (name + a few characters) is refused; a sentence that mentions it is not.
        return words.Where(w => w.Length >= 4)
            .Any(w => lowered.Contains(w.ToLowerInvariant(), StringComparison.Ordinal) && password.Length - w.Length < 8);
    }
}
