using Identity.Api.Domain.Accounts;
using Identity.Api.Domain.Passwords;

namespace Identity.Tests;

public sealed class NistPasswordValidatorTests
{
    private static readonly NistPasswordValidator Validator = new(CommonPasswordList.LoadEmbedded());
    private static readonly ApplicationUser User = new() { Email = "maria.example@justice.gv.at", UserName = "maria.example@justice.gv.at", FullName = "Maria Example" };

    [Theory]
    [InlineData("my llama eats blue tulips")]   // a passphrase: no digit, no capital, no symbol needed
    [InlineData("zq8!Lm2@vX7#")]                 // exactly 12 characters
    [InlineData("Ünïcödé pässwörd ✓ 2026")]
    public void LongUncommonPasswordsAreAcceptedWithoutCharacterClassRules(string password) =>
        Assert.Empty(Validator.Check(password, User));

    [Theory]
    [InlineData("short1!A", "PasswordTooShort")]
    [InlineData("elevenchars", "PasswordTooShort")]
    [InlineData("Password1234", "PasswordCommon")]
    [InlineData("qwertyuiop123", "PasswordCommon")]
    [InlineData("Summer2024!!", "PasswordCommon")]
    [InlineData("Welcome@2025", "PasswordCommon")]
    [InlineData("summer@2024!", "PasswordCommon")]
    [InlineData("secretariat123", "PasswordCommon")]
    [InlineData("aaaaaaaaaaaaaaaa", "PasswordCommon")]
    [InlineData("abababababababab", "PasswordRepetitive")]
    [InlineData("mnopqrstuvwxyz", "PasswordRepetitive")]
    [InlineData("maria.example2026", "PasswordContainsName")]
    public void WeakPasswordsAreRefusedWithTheReason(string password, string code)
    {
        var errors = Validator.Check(password, User);
        Assert.Contains(errors, e => e.Code == code);
    }

    [Fact]
    public void TheEmbeddedListHasThousandsOfEntriesOfAtLeastTwelveCharacters()
    {
        var list = CommonPasswordList.LoadEmbedded();
        Assert.InRange(list.Count, 3000, 50000);
        Assert.True(list.Contains("PASSWORD1234")); // case-insensitive
    }
}
