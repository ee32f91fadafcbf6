using Nominations.Api.Domain;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Domain.Validation;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Api.Application.Workflow;

/// <summary>
/// Runs the commands: validates the input, checks who acts, resolves the party and review from the
/// read-model, loads the party's roster, applies the rule and saves. A refused command stores nothing.
/// </summary>
public sealed class NominationWorkflow(INominationRepository repository, ICountryReviewCatalog catalog, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<NominationOutcome> NominateAsync(Caller actor, NominateCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var party = InputRules.Party(command.Party, "party", violations);
        if (command.Role is null)
        {
            violations.Add("role", "the role is required: FOCAL_POINT, GOVERNMENTAL_EXPERT or OBSERVER");
        }
        var scope = Scope(command.ScopeKind, command.CountryReviewId, violations);
        var person = InputRules.Person(command.Person, "person", violations);
        violations.ThrowIfAny();

        EnsureMayManage(actor, party!);
        await EnsureKnownPartyAsync(party!, cancellationToken);
        if (scope!.Kind == ScopeKind.SpecificReview)
        {
            await EnsureTakesPartAsync(party!, scope.CountryReviewId!, cancellationToken);
        }
        return await OnRosterAsync(party!, create: true, (roster, now) => roster.Nominate(command.Role!.Value, scope, person!, actor.Name, now), cancellationToken);
    }

    public async Task<SubstitutionOutcome> SubstituteFocalPointAsync(Caller actor, SubstituteFocalPointCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var party = InputRules.Party(command.Party, "party", violations);
        var id = InputRules.Id(command.NominationId, "nomination_id", "nomination", violations);
        var successor = InputRules.Person(command.Successor, "successor", violations);
        var reason = InputRules.RequiredText(command.Reason, "reason", "reason for the substitution", InputRules.MaxReasonLength, violations);
        violations.ThrowIfAny();

        EnsureMayManage(actor, party!);
        return await OnRosterAsync(party!, create: false, (roster, now) => roster.SubstituteFocalPoint(id!.Value, successor!, reason!, actor.Name, now), cancellationToken);
    }

    public async Task<WithdrawalOutcome> WithdrawAsync(Caller actor, WithdrawNominationCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var party = InputRules.Party(command.Party, "party", violations);
        var id = InputRules.Id(command.NominationId, "nomination_id", "nomination", violations);
        var reason = InputRules.RequiredText(command.Reason, "reason", "reason for the withdrawal", InputRules.MaxReasonLength, violations);
        violations.ThrowIfAny();

        EnsureMayManage(actor, party!);
        return await OnRosterAsync(party!, create: false, (roster, now) => roster.Withdraw(id!.Value, reason!, actor.Name, now), cancellationToken);
    }

    public async Task<NominationTask> AssignTaskAsync(Caller actor, AssignTaskCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var party = InputRules.Party(command.Party, "party", violations);
        var id = InputRules.Id(command.NominationId, "nomination_id", "nomination", violations);
        var title = InputRules.RequiredText(command.Title, "title", "task title", InputRules.MaxTaskTitleLength, violations);
        var description = InputRules.OptionalText(command.Description, "description", InputRules.MaxTaskDescriptionLength, violations);
        var reviewId = string.IsNullOrWhiteSpace(command.CountryReviewId) ? null : InputRules.CountryReviewId(command.CountryReviewId, "country_review_id", violations);
        violations.ThrowIfAny();

        EnsureMayManage(actor, party!);
        if (reviewId is not null)
        {
            await EnsureTakesPartAsync(party!, reviewId, cancellationToken);
        }
        return await OnRosterAsync(party!, create: false, (roster, now) => roster.AssignTask(id!.Value, title!, description, reviewId, command.DueAt, actor.Name, now), cancellationToken);
    }

    public async Task<NominationTask> CompleteTaskAsync(Caller actor, CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var party = InputRules.Party(command.Party, "party", violations);
        var id = InputRules.Id(command.TaskId, "task_id", "task", violations);
        violations.ThrowIfAny();

        if (!actor.MayCompleteTasksOf(party!))
        {
            throw DomainException.Denied("NOT_YOUR_PARTY", $"party/{party}", $"You may complete tasks only of the party you act for; you do not act for {party}.");
        }
        return await OnRosterAsync(party!, create: false, (roster, now) => roster.CompleteTask(id!.Value, actor.Name, now), cancellationToken);
    }

    internal static NominationScope? Scope(ScopeKind? kind, string? countryReviewId, Violations violations)
    {
        switch (kind)
        {
            case null:
                violations.Add("scope.kind", "the scope is required: OWN_REVIEW, AS_REVIEWER or SPECIFIC_REVIEW");
                return null;
            case ScopeKind.SpecificReview:
                var id = InputRules.CountryReviewId(countryReviewId, "scope.country_review_id", violations);
                return id is null ? null : NominationScope.ForReview(id);
            default:
                if (!string.IsNullOrWhiteSpace(countryReviewId))
                {
                    violations.Add("scope.country_review_id", $"a country review is given only with scope SPECIFIC_REVIEW, not with {kind}");
                    return null;
                }
                return NominationScope.From(kind.Value, null);
        }
    }

    private static void EnsureMayManage(Caller actor, string party)
    {
        if (!actor.MayManage(party))
        {
            var acting = actor.Parties.Count == 0 ? "no party" : string.Join(", ", actor.Parties.Order());
            throw DomainException.Denied(
                "NOT_YOUR_PARTY", $"party/{party}",
                $"A focal point manages the nominations of its own party only: you act for {acting}, not for {party}.");
        }
    }

    private async Task EnsureKnownPartyAsync(string party, CancellationToken cancellationToken)
    {
        if (await catalog.FindPartyAsync(party, cancellationToken) is null)
        {
            throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{party}", $"{party} is not a party to the Convention known to the Mechanism.");
        }
    }

    private async Task EnsureTakesPartAsync(string party, string countryReviewId, CancellationToken cancellationToken)
    {
        var review = await catalog.FindReviewAsync(countryReviewId, cancellationToken)
            ?? throw DomainException.NotFound("REVIEW_NOT_FOUND", $"review/{countryReviewId}", $"There is no country review {countryReviewId}.");
        if (review.ParticipationOf(party) is null)
        {
            throw DomainException.Precondition(
                "PARTY_NOT_IN_REVIEW", $"review/{countryReviewId}",
                $"Party {party} does not take part in country review {countryReviewId} " +
                $"(under review: {review.PartyUnderReview}; reviewers: {string.Join(", ", review.ReviewingParties)}).");
        }
    }

    /// <summary>Loads the roster, applies the change and saves; retries from a fresh load when a concurrent save won.</summary>
    private async Task<T> OnRosterAsync<T>(string party, bool create, Func<PartyRoster, DateTimeOffset, T> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var roster = await repository.FindAsync(party, cancellationToken);
            if (roster is null)
            {
                if (!create)
                {
                    throw DomainException.NotFound("PARTY_HAS_NO_NOMINATIONS", $"party/{party}", $"Party {party} has no nominations yet.");
                }
                roster = PartyRoster.Open(party);
            }
            var result = change(roster, time.GetUtcNow());
            try
            {
                await repository.SaveAsync(roster, cancellationToken);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another request changed the roster first: load it again and re-apply the rule to the new state.
            }
            catch (ConcurrencyConflictException conflict)
            {
                throw DomainException.Conflict($"party/{party}", conflict.Message + " Please try again.");
            }
        }
    }
}
