using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;
using Reviews.Tests.Support;

namespace Reviews.Tests.Domain;

public class PartyTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANewPartyIsPartyToTheConventionFromItsDate()
    {
        var party = Party.Create("SOM", "Somalia", RegionalGroup.African, new Ratification(Instrument.Untoc, new DateOnly(2024, 3, 1), DatePrecision.Day, "UNTC"), Now, "secretariat");
        Assert.False(party.IsPartyTo(Instrument.Untoc, new DateOnly(2024, 2, 29)));
        Assert.True(party.IsPartyTo(Instrument.Untoc, new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void ABadNewPartyIsRefusedWithEveryWrongField()
    {
        var error = Assert.Throws<DomainException>(() =>
            Party.Create("SO", " ", RegionalGroup.African, new Ratification(Instrument.Untoc, new DateOnly(2025, 1, 1), DatePrecision.Day, null), Now, "s"));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(["iso3", "name", "untoc_ratification.date"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void ANewRatificationCountsFromItsDate()
    {
        var parties = RealParties.Fresh();
        var andorra = parties.Single(p => p.Iso3 == "AND");
        andorra.RecordRatification(new Ratification(Instrument.Som, new DateOnly(2024, 5, 2), DatePrecision.Day, "UNTC"), Now);
        Assert.False(andorra.IsPartyTo(Instrument.Som, new DateOnly(2024, 5, 1)));
        Assert.True(andorra.IsPartyTo(Instrument.Som, new DateOnly(2024, 5, 2)));
    }

    [Fact]
    public void ARatificationAlreadyRecordedIsRefused()
    {
        var germany = RealParties.Fresh().Single(p => p.Iso3 == "DEU");
        var error = Assert.Throws<DomainException>(() => germany.RecordRatification(new Ratification(Instrument.Fir, new DateOnly(2022, 1, 1), DatePrecision.Day, null), Now));
        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("2021-10-14", error.Message);
    }

    [Fact]
    public void AProtocolCannotPrecedeTheConvention()
    {
        var bhutan = RealParties.Fresh().Single(p => p.Iso3 == "BTN");
        var error = Assert.Throws<DomainException>(() => bhutan.RecordRatification(new Ratification(Instrument.Fir, new DateOnly(2022, 1, 1), DatePrecision.Day, null), Now));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("art. 37", error.Message);
    }

    [Fact]
    public void ARatificationInTheFutureIsRefused()
    {
        var bhutan = RealParties.Fresh().Single(p => p.Iso3 == "BTN");
        Assert.Equal(DomainErrorKind.InvalidArgument, Assert.Throws<DomainException>(() =>
            bhutan.RecordRatification(new Ratification(Instrument.Fir, new DateOnly(2030, 1, 1), DatePrecision.Day, null), Now)).Kind);
    }

    [Fact]
    public void APermanentMissionAddressMustLookLikeOne()
    {
        var party = RealParties.Fresh().Single(p => p.Iso3 == "FRA");
        Assert.Throws<DomainException>(() => party.SetPermanentMission("not an address", null));
        party.SetPermanentMission("mission@france.example", UnLanguage.French);
        Assert.Equal(("mission@france.example", UnLanguage.French), (party.PermanentMissionEmail, party.CorrespondenceLanguage));
    }
}
