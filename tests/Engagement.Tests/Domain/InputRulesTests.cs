using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Tests.Support;

namespace Engagement.Tests.Domain;

public sealed class InputRulesTests
{
    [Fact]
    public void AValidApplicationHasNoViolation() => Assert.Empty(Samples.Details().Trimmed().Check());

    [Fact]
    public void EveryWrongFieldIsNamedOnce()
    {
        var details = new ApplicationDetails(
            new Organization(new string('x', 201), (StakeholderCategory)99, "XXX", "javascript:alert(1)", false),
            "", "", (ParticipationMode)0, TravelSupportRequested: true, "de");

        var fields = details.Trimmed().Check().Select(v => v.Field).ToList();

        Assert.Equal(
            ["organization.name", "organization.category", "organization.country", "organization.website", "contact.full_name", "expertise",
             "requested_mode", "travel_support_requested", "language"],
            fields);
    }

    [Fact]
    public void TheExpertiseMayRunOverSeveralLinesButOtherControlCharactersAreRefusedOnce()
    {
        var lines = Samples.Details() with { Expertise = "Shelters since 2012.\r\nTraining of police officers.\n\tIn three regions." };
        var bell = Samples.Details() with { Expertise = "Shelters\u0007 since 2012." };
        var oversize = Samples.Details() with { Expertise = "Line\n" + new string('e', ApplicationDetails.MaxExpertiseLength) };

        Assert.Empty(lines.Trimmed().Check());
        Assert.Equal("expertise", Assert.Single(bell.Trimmed().Check()).Field);
        Assert.Contains("4000", Assert.Single(oversize.Trimmed().Check()).Description);
    }

    [Theory]
    [InlineData("ana@example.org", true)]
    [InlineData("Ana.Maria+dialogue@sub.example.org", true)]
    [InlineData("ana@localhost", false)]
    [InlineData("ana example@example.org", false)]
    [InlineData("Ana <ana@example.org>", false)]
    [InlineData("ana@example.org, eve@example.org", false)]
    [InlineData("<script>@example.org", false)]
    public void OnlyOnePlainAddressIsAnEmail(string email, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(email));

    [Fact]
    public void TheSameOrganizationIsRecognizedWhateverItsCaseAndPunctuation() =>
        Assert.Equal(TextRules.Normalize("Global Initiative, Inc."), TextRules.Normalize("  GLOBAL-initiative inc "));

    [Fact]
    public void CountriesAreKnownByTheirIsoCodeWithEnglishAndFrenchNames()
    {
        Assert.True(Countries.List.Count > 200);
        Assert.Equal("Austria", Countries.Find("AUT")!.EnglishName);
        Assert.Equal("Autriche", Countries.Find("AUT")!.FrenchName);
        Assert.False(Countries.IsKnown("XXX"));
    }

    [Fact]
    public void ReferencesAreRandomAndReadBackFromWhatAPersonTypes()
    {
        var reference = ApplicationReference.New();

        Assert.Matches("^CD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", reference);
        Assert.NotEqual(reference, ApplicationReference.New());
        Assert.Equal(reference, ApplicationReference.Normalize(" " + reference.ToLowerInvariant() + " "));
    }

    [Fact]
    public void ACsvCellThatASpreadsheetWouldRunIsDefused()
    {
        Assert.Equal("'=HYPERLINK(\"\"x\"\")", Csv.Cell("=HYPERLINK(\"x\")").Trim('"'));
        Assert.Equal("\"a,b\"", Csv.Cell("a,b"));
        Assert.Equal("plain", Csv.Cell("plain"));
    }
}
