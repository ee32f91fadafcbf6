using Nominations.Api.Data;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Application.Workflow;
using Nominations.Tests.Support;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Tests;

public class ReadModelTests
{
    private readonly InMemoryCountryReviewCatalog _catalog = new();
    private readonly ReviewCatalogUpdater _updater;

    public ReadModelTests()
    {
        _updater = new ReviewCatalogUpdater(_catalog);
        foreach (var party in PartySeed.Load())
        {
            _updater.UpsertPartyAsync(party.Iso3, party.Name, default).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public void TheShippedPartyListHasEveryPartyOnceWithItsName()
    {
        var parties = PartySeed.Load();

        Assert.Equal(191, parties.Count);
        Assert.Equal(parties.Count, parties.Select(p => p.Iso3).Distinct().Count());
        Assert.Equal("Kenya", parties.Single(p => p.Iso3 == "KEN").Name);
        Assert.Equal("United States", parties.Single(p => p.Iso3 == "USA").Name);
    }

    [Fact]
    public void QuotedFieldsWithCommasAreReadAsOneField()
    {
        var parties = PartySeed.Parse(new StringReader("iso3,name,notes\nXAA,\"Alpha, Republic of\",\"a, b\"\nXBB,Beta,\n"));

        Assert.Equal(new[] { ("XAA", "Alpha, Republic of"), ("XBB", "Beta") }, parties.Select(p => (p.Iso3, p.Name)));
    }

    [Fact]
    public void ALineWithoutACodeIsRefusedWithItsNumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => PartySeed.Parse(new StringReader("iso3,name\nKEN,Kenya\n,Nowhere\n")));

        Assert.Contains("Line 3", error.Message);
    }

    [Fact]
    public async Task AReviewUpsertReplacesTheReviewersAfterARedraw()
    {
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        await _updater.UpsertReviewAsync("R-1", "KEN", ["FRA", "BRA"], null, default);
        await _updater.UpsertReviewAsync("R-1", "KEN", ["FRA", "JPN", "JPN"], start, default);

        var review = await _catalog.FindReviewAsync("R-1", default);

        Assert.Equal(new[] { "FRA", "JPN" }, review!.ReviewingParties);
        Assert.Equal(start, review.StartedAt);
        Assert.Null(review.ParticipationOf("BRA"));
        Assert.Equal(Participation.Reviewer, review.ParticipationOf("JPN"));
    }

    [Fact]
    public async Task AReviewWhereThePartyReviewsItselfIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _updater.UpsertReviewAsync("R-1", "KEN", ["KEN", "FRA"], null, default));

        Assert.Equal("reviewing_parties[0]", Assert.Single(error.Violations).Field);
        Assert.Null(await _catalog.FindReviewAsync("R-1", default));
    }

    [Fact]
    public async Task AReviewWithAnUnknownPartyIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _updater.UpsertReviewAsync("R-1", "KEN", ["FRA", "ATL"], null, default));

        Assert.Equal((DomainErrorKind.NotFound, "PARTY_NOT_FOUND"), (error.Kind, error.Code));
        Assert.Null(await _catalog.FindReviewAsync("R-1", default));
    }
}
