using Reviews.Api.Domain.Parties;
using Reviews.Tests.Support;

namespace Reviews.Tests.Domain;

public class PartySeedTests
{
    [Fact]
    public void TheEmbeddedFileHoldsEveryUntocPartyWithTheDocumentedTotals()
    {
        var parties = RealParties.All;
        Assert.Equal(191, parties.Count);
        Assert.Equal(182, parties.Count(p => p.AllInstruments.Contains(Instrument.Tip)));
        Assert.Equal(158, parties.Count(p => p.AllInstruments.Contains(Instrument.Som)));
        Assert.Equal(122, parties.Count(p => p.AllInstruments.Contains(Instrument.Fir)));
        Assert.Equal(191, parties.Select(p => p.Iso3).Distinct().Count());
    }

    [Fact]
    public void RegionalGroupSizesMatchTheSourcesFile()
    {
        var sizes = RealParties.All.GroupBy(p => p.RegionalGroup).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(51, sizes[RegionalGroup.African]);
        Assert.Equal(53, sizes[RegionalGroup.AsiaPacific]);
        Assert.Equal(23, sizes[RegionalGroup.EasternEuropean]);
        Assert.Equal(33, sizes[RegionalGroup.LatinAmericanAndCaribbean]);
        Assert.Equal(30, sizes[RegionalGroup.WesternEuropeanAndOthers]);
        Assert.Equal(RegionalGroup.None, RealParties.Get("EUU").RegionalGroup);
    }

    [Fact]
    public void DoubtfulNotesAreKeptAsData()
    {
        Assert.Equal(42, RealParties.All.Count(p => !p.DoubtfulInstruments.IsEmpty));
        Assert.Equal(InstrumentSet.Of(Instrument.Tip, Instrument.Som, Instrument.Fir), RealParties.Get("PLW").DoubtfulInstruments);
        Assert.Equal(InstrumentSet.Of(Instrument.Som, Instrument.Fir), RealParties.Get("COL").DoubtfulInstruments);
        Assert.Contains("DOUBTFUL", RealParties.Get("AND").Notes);
        Assert.True(RealParties.Get("FRA").DoubtfulInstruments.IsEmpty);
    }

    [Fact]
    public void EligibilityFollowsTheRatificationDates()
    {
        var bhutan = RealParties.Get("BTN");
        Assert.False(bhutan.IsPartyTo(Instrument.Untoc, new DateOnly(2023, 2, 19)));
        Assert.True(bhutan.IsPartyTo(Instrument.Untoc, new DateOnly(2023, 2, 20)));
        var germany = RealParties.Get("DEU");
        Assert.False(germany.IsPartyTo(Instrument.Fir, new DateOnly(2021, 10, 13)));
        Assert.True(germany.IsPartyTo(Instrument.Fir, new DateOnly(2021, 10, 14)));
        Assert.True(germany.IsPartyTo(Instrument.Tip, new DateOnly(1990, 1, 1)));
        var sudan = RealParties.Get("SDN");
        Assert.False(sudan.IsPartyTo(Instrument.Som, new DateOnly(2018, 10, 30)));
        Assert.True(sudan.IsPartyTo(Instrument.Som, new DateOnly(2018, 10, 31)));
        var eu = RealParties.Get("EUU");
        Assert.False(eu.IsPartyTo(Instrument.Fir, new DateOnly(2014, 12, 30)));
        Assert.Equal(InstrumentSet.Everything, eu.InstrumentsAsOf(new DateOnly(2015, 1, 1)));
    }

    [Fact]
    public void ParsingQuotedNotesWithCommasKeepsEveryColumn()
    {
        Assert.StartsWith("Group: not a formal member of any group; WEOG observer", RealParties.Get("USA").Notes);
        Assert.Equal(RegionalGroup.WesternEuropeanAndOthers, RealParties.Get("USA").RegionalGroup);
    }

    [Fact]
    public void ADatedRatificationOfAnUnflaggedInstrumentIsRefused()
    {
        const string parties = "iso3,name,un_regional_group,untoc,tip,som,fir,notes\nAAA,Alpha,WEOG,1,0,0,0,\n";
        const string dates = "iso3,instrument,date,precision,source\nAAA,TIP,2020-01-01,Day,x\n";
        var error = Assert.Throws<FormatException>(() => PartySeedLoader.Load(new StringReader(parties), new StringReader(dates), RealParties.LoadedAt, "test"));
        Assert.Contains("AAA TIP", error.Message);
    }

    [Fact]
    public void AnUnknownRegionalGroupInTheFileIsRefusedWithItsLine()
    {
        const string parties = "iso3,name,un_regional_group,untoc,tip,som,fir,notes\nAAA,Alpha,MARS,1,0,0,0,\n";
        var error = Assert.Throws<FormatException>(() => PartySeedLoader.Load(new StringReader(parties), null, RealParties.LoadedAt, "test"));
        Assert.Contains("line 2", error.Message);
        Assert.Contains("MARS", error.Message);
    }
}
