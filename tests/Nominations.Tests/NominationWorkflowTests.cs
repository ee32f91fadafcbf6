using Nominations.Api.Domain;
using Nominations.Api.Application.Workflow;
using Nominations.Tests.Support;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Ev = ReviewMechanism.Events.V1;

namespace Nominations.Tests;

public class NominationWorkflowTests
{
    private readonly Mechanism _m = new();

    [Fact]
    public async Task ANominationForAPartyNotInTheGivenReviewIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _m.NominateAsync("JPN", NominationRole.FocalPoint, ScopeKind.SpecificReview, "Yuki Sato", reviewId: "R-KEN"));

        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("PARTY_NOT_IN_REVIEW", error.Code);
        Assert.Contains("JPN does not take part in country review R-KEN", error.Message);
        Assert.Null(_m.Repository.Get("JPN"));
        Assert.Empty(_m.Repository.Published);
    }

    [Fact]
    public async Task ANominationForAReviewerOfTheGivenReviewIsAccepted()
    {
        var outcome = await _m.NominateAsync("BRA", NominationRole.FocalPoint, ScopeKind.SpecificReview, "Ana Souza", reviewId: "R-KEN");

        Assert.Equal(NominationScope.ForReview("R-KEN"), outcome.Nomination.Scope);
    }

    [Fact]
    public async Task AnUnknownPartyIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _m.NominateAsync("XYZ", NominationRole.FocalPoint, ScopeKind.OwnReview, "Nobody"));

        Assert.Equal((DomainErrorKind.NotFound, "PARTY_NOT_FOUND"), (error.Kind, error.Code));
        Assert.Contains("XYZ", error.Message);
    }

    [Fact]
    public async Task AnUnknownReviewIsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.SpecificReview, "A", reviewId: "R-NOPE"));

        Assert.Equal((DomainErrorKind.NotFound, "REVIEW_NOT_FOUND"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task ABadEMailIsRefusedAndNothingIsStored()
    {
        await _m.NominateAsync("KEN", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, "Existing Expert");
        var roster = _m.Repository.Get("KEN")!;
        var (revision, saves, published) = (roster.Revision, _m.Repository.Saves, _m.Repository.Published.Count);

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.NominateAsync(
            Mechanism.Secretariat,
            new NominateCommand("KEN", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, null, People.Input("New Expert", "new.expert@justice")),
            default));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("person.email", violation.Field);
        Assert.Contains("not a valid e-mail address", violation.Description);
        Assert.Equal((revision, saves, published), (roster.Revision, _m.Repository.Saves, _m.Repository.Published.Count));
        Assert.Single(roster.Nominations);
    }

    [Fact]
    public async Task EveryBadFieldIsReportedAtOnce()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.NominateAsync(
            Mechanism.Secretariat,
            new NominateCommand("Kenya", null, ScopeKind.OwnReview, "R-KEN", new(" ", "", null, "a@@b", "call me", "")),
            default));

        Assert.Equal(
            new[] { "party", "role", "scope.country_review_id", "person.full_name", "person.email", "person.phone", "person.gender" },
            error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task ASecondActiveFocalPointIsRefusedThroughTheWorkflow()
    {
        await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina Otieno");

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Brian Kip"));

        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
        Assert.Single(_m.Repository.Get("KEN")!.Nominations);
        Assert.Single(_m.Repository.Published);
    }

    [Fact]
    public async Task AFocalPointMayNominateOnlyForItsOwnParty()
    {
        var kenyanFp = Users.ActorOf(Users.FocalPointOf("KEN"));
        var ok = await _m.Workflow.NominateAsync(kenyanFp,
            new NominateCommand("ken", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, null, People.Input("E", "e@ke.example")), default);

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.NominateAsync(kenyanFp,
            new NominateCommand("FRA", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, null, People.Input("E", "e@fr.example")), default));

        Assert.Equal("KEN", ok.Nomination.Party);
        Assert.Equal("fp-ken", ok.Nomination.NominatedBy);
        Assert.Equal(DomainErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("you act for KEN, not for FRA", error.Message);
        Assert.Null(_m.Repository.Get("FRA"));
    }

    [Fact]
    public async Task AnExpertCannotNominateEvenForItsOwnParty()
    {
        var expert = Users.ActorOf(Users.With("ge-1", MechanismRoles.GovernmentalExpert, "KEN"));

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.NominateAsync(expert,
            new NominateCommand("KEN", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, null, People.Input("E", "e@ke.example")), default));

        Assert.Equal(DomainErrorKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public async Task SubstitutionThroughTheWorkflowPublishesTheReplacementAndTheNewPerson()
    {
        var fp = (await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina Otieno", gender: Gender.Female)).Nomination;
        var task = await _m.Workflow.AssignTaskAsync(Mechanism.Secretariat, new AssignTaskCommand("KEN", fp.Id.ToString(), "Clear the SAQ answers", "", "R-KEN", null), default);
        _m.Clock.Advance(TimeSpan.FromDays(20));

        var outcome = await _m.Workflow.SubstituteFocalPointAsync(
            Users.ActorOf(Users.FocalPointOf("KEN")),
            new SubstituteFocalPointCommand("KEN", fp.Id.ToString(), People.Input("Brian Kip", "brian.kip@ke.example", Gender.Male), "Moved to the Ministry of Interior"),
            default);

        Assert.Equal(_m.Clock.GetUtcNow(), outcome.Successor.EffectiveFrom);
        Assert.Collection(_m.Repository.Published.Skip(1),
            m =>
            {
                var replaced = Assert.IsType<Ev.FocalPointReplaced>(m);
                Assert.Equal(("KEN", fp.Id.ToString(), outcome.Successor.Id.ToString()), (replaced.Party, replaced.PredecessorNominationId, replaced.SuccessorNominationId));
                Assert.Equal("Moved to the Ministry of Interior", replaced.Reason);
                Assert.Equal(new[] { task.Id.ToString() }, replaced.HandedOverTaskIds);
                Assert.Equal(Ev.NominationScopeKind.OwnReview, replaced.Scope.Kind);
                Assert.Equal(outcome.Successor.PersonId.ToString(), replaced.SuccessorPersonId);
            },
            m =>
            {
                var nominated = Assert.IsType<Ev.PersonNominated>(m);
                Assert.Equal(("brian.kip@ke.example", "male", Ev.NominationRole.FocalPoint), (nominated.Email, nominated.Gender, nominated.Role));
                Assert.Equal("fp-ken", nominated.NominatedBy);
            });
    }

    [Fact]
    public async Task WithdrawalThroughTheWorkflowPublishesNominationWithdrawn()
    {
        var expert = (await _m.NominateAsync("KEN", NominationRole.GovernmentalExpert, ScopeKind.SpecificReview, "E", reviewId: "R-KEN")).Nomination;
        _m.Clock.Advance(TimeSpan.FromDays(3));

        await _m.Workflow.WithdrawAsync(Mechanism.Secretariat, new WithdrawNominationCommand("KEN", expert.Id.ToString(), "Retired"), default);

        var withdrawn = Assert.IsType<Ev.NominationWithdrawn>(_m.Repository.Published.Last());
        Assert.Equal((expert.Id.ToString(), "Retired", "R-KEN"), (withdrawn.NominationId, withdrawn.Reason, withdrawn.Scope.CountryReviewId));
        Assert.Equal(_m.Clock.GetUtcNow(), withdrawn.EffectiveFrom.ToDateTimeOffset());
    }

    [Fact]
    public async Task SubstitutionAndWithdrawalNeedAReason()
    {
        var fp = (await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "A")).Nomination;

        var substitution = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.SubstituteFocalPointAsync(
            Mechanism.Secretariat, new SubstituteFocalPointCommand("KEN", fp.Id.ToString(), People.Input("B", "b@ke.example"), "  "), default));
        var withdrawal = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.WithdrawAsync(
            Mechanism.Secretariat, new WithdrawNominationCommand("KEN", "not-a-guid", ""), default));

        Assert.Equal("reason", Assert.Single(substitution.Violations).Field);
        Assert.Equal(new[] { "nomination_id", "reason" }, withdrawal.Violations.Select(v => v.Field));
        Assert.True(fp.IsActive);
    }

    [Fact]
    public async Task AConcurrentChangeIsRetriedAgainstTheWinnersState()
    {
        await _m.NominateAsync("KEN", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, "First Expert");
        // While our request runs, another one nominates a focal point for the same scope and saves first.
        var winner = PartyRoster.Open("KEN");
        winner.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Winner", "winner@ke.example"), "sec", _m.Clock.GetUtcNow());
        _m.Repository.BeforeNextSave = _ =>
        {
            _m.Repository.Put(winner);
            throw new ConcurrencyConflictException("KEN");
        };

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Loser"));

        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("Winner", error.Message);
        Assert.Same(winner, _m.Repository.Get("KEN"));
        Assert.Single(winner.Nominations);
    }

    [Fact]
    public async Task ARetryAfterAConcurrentChangeThatDoesNotCollideSucceeds()
    {
        var winner = PartyRoster.Open("KEN");
        winner.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("Other", "other@ke.example"), "sec", _m.Clock.GetUtcNow());
        _m.Repository.BeforeNextSave = _ =>
        {
            _m.Repository.Put(winner);
            throw new ConcurrencyConflictException("KEN");
        };

        var outcome = await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina");

        Assert.Equal(2, _m.Repository.Get("KEN")!.Nominations.Count);
        Assert.Contains(outcome.Nomination, _m.Repository.Get("KEN")!.Nominations);
    }

    [Fact]
    public async Task ConflictsThatNeverEndAreReportedAsAConcurrentChange()
    {
        _m.Repository.AlwaysConflict = true;

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "A"));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Contains("try again", error.Message);
    }

    [Fact]
    public async Task ExpertsAndFocalPointsCompleteTasksOfTheirOwnPartyOnly()
    {
        var fp = (await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "A")).Nomination;
        var task = await _m.Workflow.AssignTaskAsync(Mechanism.Secretariat, new AssignTaskCommand("KEN", fp.Id.ToString(), "Clear", "", null, null), default);

        var observer = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.CompleteTaskAsync(
            Users.ActorOf(Users.With("obs", MechanismRoles.Observer, "KEN")), new CompleteTaskCommand("KEN", task.Id.ToString()), default));
        var foreignExpert = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.CompleteTaskAsync(
            Users.ActorOf(Users.With("ge-fr", MechanismRoles.GovernmentalExpert, "FRA")), new CompleteTaskCommand("KEN", task.Id.ToString()), default));
        var done = await _m.Workflow.CompleteTaskAsync(
            Users.ActorOf(Users.With("ge-ke", MechanismRoles.GovernmentalExpert, "KEN")), new CompleteTaskCommand("KEN", task.Id.ToString()), default);

        Assert.Equal(DomainErrorKind.PermissionDenied, observer.Kind);
        Assert.Equal(DomainErrorKind.PermissionDenied, foreignExpert.Kind);
        Assert.Equal(("ge-ke", NominationTaskStatus.Completed), (done.CompletedBy, done.Status));
    }

    [Fact]
    public async Task ATaskAboutAReviewMustConcernAReviewOfTheParty()
    {
        var fp = (await _m.NominateAsync("JPN", NominationRole.FocalPoint, ScopeKind.AsReviewer, "Yuki")).Nomination;

        var error = await Assert.ThrowsAsync<DomainException>(() => _m.Workflow.AssignTaskAsync(
            Mechanism.Secretariat, new AssignTaskCommand("JPN", fp.Id.ToString(), "Written feedback", "", "R-KEN", null), default));

        Assert.Equal("PARTY_NOT_IN_REVIEW", error.Code);
        Assert.Empty(_m.Repository.Get("JPN")!.Tasks);
    }

    [Fact]
    public async Task HistoryListsEveryHolderOldestFirstAndActiveOnlyOnRequest()
    {
        var first = (await _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina")).Nomination;
        _m.Clock.Advance(TimeSpan.FromDays(40));
        await _m.Workflow.SubstituteFocalPointAsync(Mechanism.Secretariat,
            new SubstituteFocalPointCommand("KEN", first.Id.ToString(), People.Input("Brian", "brian@ke.example"), "Retired"), default);
        _m.Clock.Advance(TimeSpan.FromDays(1));
        await _m.NominateAsync("KEN", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, "Expert");

        var history = await _m.Queries.ListNominationsAsync("KEN", NominationRole.FocalPoint, includeEnded: true, default);
        var active = await _m.Queries.ListNominationsAsync("ken", null, includeEnded: false, default);

        Assert.Equal(new[] { "Amina", "Brian" }, history.Nominations.Select(n => n.Person.FullName));
        Assert.Single(history.Handovers);
        Assert.Equal(new[] { "Brian", "Expert" }, active.Nominations.Select(n => n.Person.FullName));
    }
}
