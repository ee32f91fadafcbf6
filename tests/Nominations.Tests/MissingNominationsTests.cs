using Nominations.Api.Domain;
using Nominations.Api.Domain.Reports;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Application.Workflow;
using Nominations.Tests.Support;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Tests;

public class MissingNominationsTests
{
    private readonly Mechanism _m = new();

    private async Task<IReadOnlyList<MissingNomination>> MissingAsync(string? party = null, NominationRole? role = null, bool overdueOnly = false, string? review = null) =>
        (await _m.Queries.ListMissingAsync(party, review, role, overdueOnly, default)).Missing;

    [Fact]
    public async Task NothingIsMissingBeforeAReviewStarts()
    {
        Assert.True(_m.Clock.GetUtcNow() < Mechanism.Start);

        Assert.Empty(await MissingAsync());
    }

    [Fact]
    public async Task EveryPartyOfAStartedReviewWithoutNominationsIsListedForBothRoles()
    {
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(1));

        var missing = await MissingAsync(review: "R-KEN");

        Assert.Equal(
            new[] { "KEN FocalPoint", "KEN GovernmentalExpert", "FRA FocalPoint", "FRA GovernmentalExpert", "BRA FocalPoint", "BRA GovernmentalExpert" },
            missing.Select(m => $"{m.Party} {m.Role}"));
        Assert.Equal(Participation.UnderReview, missing[0].Participation);
        Assert.Equal(Participation.Reviewer, missing[2].Participation);
        Assert.All(missing, m => Assert.False(m.Overdue));
        Assert.All(missing, m => Assert.Equal(1, m.DaysMissing));
    }

    [Fact]
    public async Task TheFocalPointIsOverdueAfterTwoWeeksAndExpertsAfterFour()
    {
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(14) + TimeSpan.FromHours(1));
        var afterTwoWeeks = await MissingAsync(party: "KEN", review: "R-KEN");
        _m.Clock.Advance(TimeSpan.FromDays(14));
        var afterFourWeeks = await MissingAsync(party: "KEN", review: "R-KEN");

        var fp = afterTwoWeeks.Single(m => m.Role == NominationRole.FocalPoint);
        var ge = afterTwoWeeks.Single(m => m.Role == NominationRole.GovernmentalExpert);
        Assert.Equal((true, 0, 14), (fp.Overdue, fp.DaysOverdue, fp.DaysMissing));
        Assert.Equal(Mechanism.Start.AddDays(14), fp.DueAt);
        Assert.False(ge.Overdue);
        Assert.Equal(Mechanism.Start.AddDays(28), ge.DueAt);
        Assert.Equal((true, 14), (afterFourWeeks.Single(m => m.Role == NominationRole.FocalPoint).Overdue, afterFourWeeks.Single(m => m.Role == NominationRole.FocalPoint).DaysOverdue));
        Assert.True(afterFourWeeks.Single(m => m.Role == NominationRole.GovernmentalExpert).Overdue);
        Assert.Contains("focal point of party KEN missing since 28 days (14 days past the deadline of 2026-03-16)", afterFourWeeks[0].Describe());
    }

    [Fact]
    public async Task DeadlinesAreConfigurable()
    {
        var m = new Mechanism(new NominationDeadlines { FocalPoint = TimeSpan.FromDays(7), GovernmentalExperts = TimeSpan.FromDays(10) });
        m.Clock.Advance(Mechanism.Start - m.Clock.GetUtcNow() + TimeSpan.FromDays(8));

        var missing = (await m.Queries.ListMissingAsync("KEN", "R-KEN", null, false, default)).Missing;

        Assert.Equal(Mechanism.Start.AddDays(7), missing.Single(x => x.Role == NominationRole.FocalPoint).DueAt);
        Assert.True(missing.Single(x => x.Role == NominationRole.FocalPoint).Overdue);
        Assert.False(missing.Single(x => x.Role == NominationRole.GovernmentalExpert).Overdue);
    }

    [Fact]
    public async Task OwnReviewAndReviewerScopesCoverTheRightReviews()
    {
        // France: a focal point for its own review only; it still lacks one as reviewer of R-KEN.
        await _m.NominateAsync("FRA", NominationRole.FocalPoint, ScopeKind.OwnReview, "Claire Martin");
        // Kenya: a focal point for its reviewer roles only; it still lacks one for its own review.
        await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.AsReviewer, "Amina");
        // Brazil: a focal point for R-KEN specifically.
        await _m.NominateAsync("BRA", NominationRole.FocalPoint, ScopeKind.SpecificReview, "Ana", reviewId: "R-KEN");
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(20));

        var missing = await MissingAsync(role: NominationRole.FocalPoint);

        Assert.Equal(
            new[] { "R-FRA DEU", "R-FRA JPN", "R-KEN FRA", "R-KEN KEN" },
            missing.Select(x => $"{x.CountryReviewId} {x.Party}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFocalPointWhoLeftAfterTheDeadlineIsMissingSinceTheDayTheyLeft()
    {
        var fp = (await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina")).Nomination;
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(30));
        await _m.Workflow.WithdrawAsync(Mechanism.Secretariat, new WithdrawNominationCommand("KEN", fp.Id.ToString(), "Left the service"), default);
        var leftAt = _m.Clock.GetUtcNow();
        _m.Clock.Advance(TimeSpan.FromDays(5));

        var missing = Assert.Single(await MissingAsync(party: "KEN", role: NominationRole.FocalPoint, review: "R-KEN"));

        Assert.Equal(leftAt, missing.MissingSince);
        Assert.Equal((5, true, 5), (missing.DaysMissing, missing.Overdue, missing.DaysOverdue));
    }

    [Fact]
    public async Task ASubstitutionLeavesNoGap()
    {
        var fp = (await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina")).Nomination;
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(30));
        await _m.Workflow.SubstituteFocalPointAsync(Mechanism.Secretariat,
            new SubstituteFocalPointCommand("KEN", fp.Id.ToString(), People.Input("Brian", "brian@ke.example"), "Retired"), default);

        Assert.Empty(await MissingAsync(party: "KEN", role: NominationRole.FocalPoint, review: "R-KEN"));
    }

    [Fact]
    public async Task OverdueOnlyLeavesOutWhatIsNotYetDue()
    {
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(20));

        var overdue = await MissingAsync(overdueOnly: true);

        Assert.NotEmpty(overdue);
        Assert.All(overdue, m => Assert.Equal(NominationRole.FocalPoint, m.Role));
    }

    [Fact]
    public async Task ObserversHaveNoDeadlineToReportOn()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => MissingAsync(role: NominationRole.Observer));

        Assert.Equal("role", Assert.Single(error.Violations).Field);
    }
}
