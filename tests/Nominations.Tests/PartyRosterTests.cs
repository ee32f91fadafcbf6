using Nominations.Api.Domain;
using Nominations.Api.Domain.Events;
using Nominations.Tests.Support;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Tests;

public class PartyRosterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SecondActiveFocalPointForTheSameScopeIsRefused()
    {
        var roster = PartyRoster.Open("KEN");
        var first = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Amina Otieno", "amina@justice.go.ke"), "sec", T0).Nomination;

        var error = Assert.Throws<DomainException>(() =>
            roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Brian Kip", "brian@justice.go.ke"), "sec", T0.AddDays(1)));

        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("FOCAL_POINT_ALREADY_ACTIVE", error.Code);
        Assert.Contains("Amina Otieno", error.Message);
        Assert.Contains("Substitute", error.Message);
        Assert.Equal(first.Id, Assert.Single(roster.Nominations).Id);
    }

    [Fact]
    public void OwnReviewReviewerRolesAndAGivenReviewEachHaveTheirOwnFocalPoint()
    {
        var roster = PartyRoster.Open("KEN");
        roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("A", "a@ke.example"), "sec", T0);
        roster.Nominate(NominationRole.FocalPoint, NominationScope.AsReviewer, People.Details("B", "b@ke.example"), "sec", T0);
        roster.Nominate(NominationRole.FocalPoint, NominationScope.ForReview("R-FRA"), People.Details("C", "c@ke.example"), "sec", T0);
        Assert.Throws<DomainException>(() =>
            roster.Nominate(NominationRole.FocalPoint, NominationScope.ForReview("R-FRA"), People.Details("D", "d@ke.example"), "sec", T0));

        Assert.Equal(3, roster.Nominations.Count(n => n.IsActive && n.Role == NominationRole.FocalPoint));
        Assert.Equal("a@ke.example", roster.ActiveFocalPoint(NominationScope.OwnReview)!.Person.Email);
        Assert.Equal("c@ke.example", roster.ActiveFocalPoint(NominationScope.ForReview("R-FRA"))!.Person.Email);
    }

    [Fact]
    public void SeveralGovernmentalExpertsAreAcceptedButNotTheSamePersonTwice()
    {
        var roster = PartyRoster.Open("KEN");
        roster.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("A", "a@ke.example"), "sec", T0);
        roster.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("B", "b@ke.example"), "sec", T0);

        var error = Assert.Throws<DomainException>(() =>
            roster.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("A again", "A@KE.example"), "sec", T0));

        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("PERSON_ALREADY_NOMINATED", error.Code);
        Assert.Equal(2, roster.Nominations.Count);
    }

    [Fact]
    public void SubstitutionHandsTheOpenTasksOfTheLeaverToTheSuccessor()
    {
        var roster = PartyRoster.Open("KEN");
        var leaver = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Amina", "amina@ke.example"), "sec", T0).Nomination;
        var clearSaq = roster.AssignTask(leaver.Id, "Clear the SAQ answers", "", "R-KEN", T0.AddDays(60), "sec", T0);
        var consultation = roster.AssignTask(leaver.Id, "Organize the preliminary consultation", "", "R-KEN", null, "sec", T0);
        var done = roster.AssignTask(leaver.Id, "Confirm the working languages", "", "R-KEN", null, "sec", T0);
        roster.CompleteTask(done.Id, "fp-ken", T0.AddDays(2));

        var outcome = roster.SubstituteFocalPoint(leaver.Id, People.Details("Brian", "brian@ke.example"), "Reassigned to another ministry", "sec", T0.AddDays(10));

        Assert.Equal(new[] { clearSaq.Id, consultation.Id }, outcome.Handover.Items.Select(i => i.TaskId));
        Assert.All(outcome.Handover.Items, i => Assert.Equal(leaver.Id, i.FromNominationId));
        Assert.Equal(leaver.Id, outcome.Handover.FromNominationId);
        Assert.Equal(outcome.Successor.Id, outcome.Handover.ToNominationId);
        Assert.Equal("Reassigned to another ministry", outcome.Handover.Reason);
        Assert.Equal(new[] { clearSaq.Id, consultation.Id }, roster.OpenTasksOf(outcome.Successor.Id).Select(t => t.Id));
        Assert.Empty(roster.OpenTasksOf(leaver.Id));
        Assert.Equal(leaver.Id, done.NominationId);
        Assert.Equal(NominationTaskStatus.Completed, done.Status);
    }

    [Fact]
    public void SubstitutionKeepsTheHistoryOfWhoHeldTheRoleWhen()
    {
        var roster = PartyRoster.Open("KEN");
        var first = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Amina", "amina@ke.example"), "sec", T0).Nomination;
        var second = roster.SubstituteFocalPoint(first.Id, People.Details("Brian", "brian@ke.example"), "Retired", "fp-ken", T0.AddDays(30)).Successor;
        var third = roster.SubstituteFocalPoint(second.Id, People.Details("Chloe", "chloe@ke.example"), "Unresponsive", "sec", T0.AddDays(90)).Successor;

        Assert.Equal(NominationStatus.Substituted, first.Status);
        Assert.Equal(T0.AddDays(30), first.EffectiveUntil);
        Assert.Equal("Retired", first.EndReason);
        Assert.Equal("fp-ken", first.EndedBy);
        Assert.Equal(second.Id, first.SuccessorId);
        Assert.Equal(first.Id, second.PredecessorId);
        Assert.Equal(third.Id, second.SuccessorId);
        Assert.True(third.IsActive);
        Assert.True(first.WasActiveAt(T0.AddDays(29)));
        Assert.False(first.WasActiveAt(T0.AddDays(30)));
        Assert.True(second.WasActiveAt(T0.AddDays(30)));
        Assert.Same(third, roster.ActiveFocalPoint(NominationScope.OwnReview));
        Assert.Equal(2, roster.Handovers.Count);
    }

    [Fact]
    public void SubstitutionRaisesFocalPointReplacedAndPersonNominatedForTheSuccessor()
    {
        var roster = PartyRoster.Open("KEN");
        var first = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Amina", "amina@ke.example"), "sec", T0).Nomination;
        roster.ClearDomainEvents();

        var outcome = roster.SubstituteFocalPoint(first.Id, People.Details("Brian", "brian@ke.example"), "Retired", "sec", T0.AddDays(1));

        Assert.Collection(roster.DomainEvents,
            e => Assert.Same(outcome.Handover, Assert.IsType<FocalPointReplacedDomainEvent>(e).Handover),
            e => Assert.Same(outcome.Successor, Assert.IsType<PersonNominatedDomainEvent>(e).Nomination));
    }

    [Fact]
    public void OnlyAnActiveFocalPointCanBeSubstituted()
    {
        var roster = PartyRoster.Open("KEN");
        var expert = roster.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("E", "e@ke.example"), "sec", T0).Nomination;
        var fp = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("F", "f@ke.example"), "sec", T0).Nomination;
        roster.Withdraw(fp.Id, "Left the service", "sec", T0.AddDays(1));
        var revision = roster.Revision;

        var notFp = Assert.Throws<DomainException>(() => roster.SubstituteFocalPoint(expert.Id, People.Details("G", "g@ke.example"), "x", "sec", T0.AddDays(2)));
        var ended = Assert.Throws<DomainException>(() => roster.SubstituteFocalPoint(fp.Id, People.Details("G", "g@ke.example"), "x", "sec", T0.AddDays(2)));
        var unknown = Assert.Throws<DomainException>(() => roster.SubstituteFocalPoint(Guid.NewGuid(), People.Details("G", "g@ke.example"), "x", "sec", T0.AddDays(2)));

        Assert.Equal(("NOT_A_FOCAL_POINT", DomainErrorKind.FailedPrecondition), (notFp.Code, notFp.Kind));
        Assert.Equal(("NOMINATION_ENDED", DomainErrorKind.FailedPrecondition), (ended.Code, ended.Kind));
        Assert.Equal(DomainErrorKind.NotFound, unknown.Kind);
        Assert.Equal(revision, roster.Revision);
        Assert.Equal(2, roster.Nominations.Count);
    }

    [Fact]
    public void TheSuccessorMustBeSomeoneElse()
    {
        var roster = PartyRoster.Open("KEN");
        var fp = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("F", "f@ke.example"), "sec", T0).Nomination;

        var error = Assert.Throws<DomainException>(() => roster.SubstituteFocalPoint(fp.Id, People.Details("F", "F@ke.example"), "x", "sec", T0));

        Assert.Equal("SUCCESSOR_IS_PREDECESSOR", error.Code);
        Assert.True(fp.IsActive);
    }

    [Fact]
    public void WithdrawalLeavesTasksVacantAndTheNextNomineeTakesThemOver()
    {
        var roster = PartyRoster.Open("KEN");
        var fp = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("F", "f@ke.example"), "sec", T0).Nomination;
        var task = roster.AssignTask(fp.Id, "Clear the SAQ answers", "", null, null, "sec", T0);

        var withdrawal = roster.Withdraw(fp.Id, "Left the service", "sec", T0.AddDays(3));

        Assert.Equal(NominationStatus.Withdrawn, fp.Status);
        Assert.Equal(T0.AddDays(3), fp.EffectiveUntil);
        Assert.Null(fp.SuccessorId);
        Assert.Equal(task.Id, Assert.Single(withdrawal.ReleasedTasks).Id);
        Assert.True(task.IsVacant);
        Assert.Null(roster.ActiveFocalPoint(NominationScope.OwnReview));

        var next = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("N", "n@ke.example"), "sec", T0.AddDays(5));

        Assert.NotNull(next.Handover);
        Assert.Null(next.Handover!.FromNominationId);
        var item = Assert.Single(next.Handover.Items);
        Assert.Equal((task.Id, (Guid?)fp.Id), (item.TaskId, item.FromNominationId));
        Assert.Equal(next.Nomination.Id, task.NominationId);
        Assert.False(task.IsVacant);
    }

    [Fact]
    public void VacantTasksWaitForTheSameRoleAndScope()
    {
        var roster = PartyRoster.Open("KEN");
        var fp = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("F", "f@ke.example"), "sec", T0).Nomination;
        var task = roster.AssignTask(fp.Id, "Clear the SAQ answers", "", null, null, "sec", T0);
        roster.Withdraw(fp.Id, "Left", "sec", T0);

        var reviewerFp = roster.Nominate(NominationRole.FocalPoint, NominationScope.AsReviewer, People.Details("R", "r@ke.example"), "sec", T0);
        var expert = roster.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("E", "e@ke.example"), "sec", T0);

        Assert.Null(reviewerFp.Handover);
        Assert.Null(expert.Handover);
        Assert.True(task.IsVacant);
    }

    [Fact]
    public void AWithdrawnNominationCannotBeWithdrawnAgain()
    {
        var roster = PartyRoster.Open("KEN");
        var fp = roster.Nominate(NominationRole.Observer, NominationScope.OwnReview, People.Details("O", "o@ke.example"), "sec", T0).Nomination;
        roster.Withdraw(fp.Id, "Posted elsewhere", "sec", T0.AddDays(1));

        var error = Assert.Throws<DomainException>(() => roster.Withdraw(fp.Id, "again", "sec", T0.AddDays(2)));

        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("Posted elsewhere", fp.EndReason);
        Assert.Equal(T0.AddDays(1), fp.EffectiveUntil);
    }

    [Fact]
    public void APersonKeepsOneIdAcrossTheirNominations()
    {
        var roster = PartyRoster.Open("KEN");
        var asFp = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("A", "a@ke.example"), "sec", T0).Nomination;
        var asReviewerFp = roster.Nominate(NominationRole.FocalPoint, NominationScope.AsReviewer, People.Details("A", "A@ke.example"), "sec", T0).Nomination;
        var other = roster.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("B", "b@ke.example"), "sec", T0).Nomination;

        Assert.Equal(asFp.PersonId, asReviewerFp.PersonId);
        Assert.NotEqual(asFp.PersonId, other.PersonId);
    }

    [Fact]
    public void TasksGoOnlyToActiveNominationsAndCompleteOnce()
    {
        var roster = PartyRoster.Open("KEN");
        var fp = roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("F", "f@ke.example"), "sec", T0).Nomination;
        var task = roster.AssignTask(fp.Id, "Clear", "", null, null, "sec", T0);
        roster.CompleteTask(task.Id, "fp-ken", T0.AddDays(1));

        var twice = Assert.Throws<DomainException>(() => roster.CompleteTask(task.Id, "fp-ken", T0.AddDays(2)));
        roster.Withdraw(fp.Id, "Left", "sec", T0.AddDays(3));
        var toEnded = Assert.Throws<DomainException>(() => roster.AssignTask(fp.Id, "More", "", null, null, "sec", T0.AddDays(4)));

        Assert.Equal("TASK_ALREADY_COMPLETED", twice.Code);
        Assert.Equal(T0.AddDays(1), task.CompletedAt);
        Assert.Equal("NOMINATION_ENDED", toEnded.Code);
        Assert.Single(roster.Tasks);
    }
}
