using Nominations.Api.Domain.Validation;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Tests;

public class InputRulesTests
{
    [Theory]
    [InlineData("amina.otieno@justice.go.ke")]
    [InlineData("claire+revmod@justice.gouv.fr")]
    [InlineData("o'brien@dfa.ie")]
    [InlineData("x_y-z@sub.domain-name.org")]
    public void WellFormedAddressesAreAccepted(string email) => Assert.True(InputRules.IsEmail(email));

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@justice.go.ke")]
    [InlineData("amina@")]
    [InlineData("amina@justice")]
    [InlineData("amina@@justice.go.ke")]
    [InlineData("amina@justice..go.ke")]
    [InlineData(".amina@justice.go.ke")]
    [InlineData("amina.@justice.go.ke")]
    [InlineData("am..ina@justice.go.ke")]
    [InlineData("amina otieno@justice.go.ke")]
    [InlineData("Amina <amina@justice.go.ke>")]
    [InlineData("amina@-justice.go.ke")]
    [InlineData("amina@justice.go.k")]
    [InlineData("amina@justice.go.123")]
    public void MalformedAddressesAreRefused(string email) => Assert.False(InputRules.IsEmail(email));

    [Fact]
    public void AnOverlongAddressIsRefused() => Assert.False(InputRules.IsEmail(new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 4)) + ".org"));

    [Theory]
    [InlineData("+43 1 26060 0000", true)]
    [InlineData("(020) 123-4567", true)]
    [InlineData("", true)]
    [InlineData("12345", false)]
    [InlineData("+43 1 2606+0", false)]
    [InlineData("call me", false)]
    [InlineData("+123456789012345678901", false)]
    public void PhonesAreOptionalButWellFormed(string phone, bool accepted)
    {
        var violations = new Violations();
        var result = InputRules.Phone(phone, "person.phone", violations);

        Assert.Equal(accepted, !violations.Any);
        Assert.Equal(accepted, result is not null);
    }

    [Theory]
    [InlineData("KEN", "KEN")]
    [InlineData(" ken ", "KEN")]
    [InlineData("Kenya", null)]
    [InlineData("KE", null)]
    [InlineData("K3N", null)]
    [InlineData("", null)]
    public void PartyCodesAreThreeLetters(string raw, string? expected)
    {
        var violations = new Violations();

        Assert.Equal(expected, InputRules.Party(raw, "party", violations));
        Assert.Equal(expected is null, violations.Any);
    }

    [Fact]
    public void TextsLongerThanAllowedAreRefusedWithTheirLength()
    {
        var violations = new Violations();

        InputRules.RequiredText(new string('x', InputRules.MaxReasonLength + 1), "reason", "reason", InputRules.MaxReasonLength, violations);

        var error = Assert.Throws<DomainException>(violations.ThrowIfAny);
        Assert.Contains("2001 characters long; at most 2000", error.Message);
    }
}
