using Nominations.Api.Domain.Events;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Api.Domain;

/// <summary>
/// Every nomination of one party (current and past), the tasks they hold and the handovers between them.
/// The aggregate that keeps the rules: at most one active focal point per scope, substitution hands the
/// open tasks over, nothing changes when a command is refused (every check runs before any change).
/// </summary>
public sealed class PartyRoster
{
    private readonly List<Nomination> _nominations = [];
    private readonly List<NominationTask> _tasks = [];
    private readonly List<Handover> _handovers = [];
    private readonly List<IDomainEvent> _domainEvents = [];

    private PartyRoster()
    {
        Party = "";
    }

    private PartyRoster(string party)
    {
        Party = party;
    }

    /// <summary>ISO3 code of the party.</summary>
    public string Party { get; private set; }

    /// <summary>Bumped by every change: the optimistic concurrency token of the whole roster.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<Nomination> Nominations => _nominations;

    public IReadOnlyList<NominationTask> Tasks => _tasks;

    public IReadOnlyList<Handover> Handovers => _handovers;

    /// <summary>Raised since the roster was loaded; the repository publishes them with the save.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public static PartyRoster Open(string party)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(party);
        return new PartyRoster(party);
    }

    public void ClearDomainEvents() => _domainEvents.Clear();

    public Nomination? ActiveFocalPoint(NominationScope scope) =>
        _nominations.FirstOrDefault(n => n.IsActive && n.HasSameRoleAndScope(NominationRole.FocalPoint, scope));

    public Nomination GetNomination(Guid nominationId) =>
        _nominations.FirstOrDefault(n => n.Id == nominationId)
        ?? throw DomainException.NotFound(
            "NOMINATION_NOT_FOUND", $"nomination/{nominationId}", $"Party {Party} has no nomination {nominationId}.");

    public IEnumerable<NominationTask> OpenTasksOf(Guid nominationId) =>
        _tasks.Where(t => t.IsOpen && t.NominationId == nominationId);

    /// <summary>Nominates a person. Refuses a second active focal point and the same person twice in one role and scope.</summary>
    public NominationOutcome Nominate(NominationRole role, NominationScope scope, PersonDetails person, string actor, DateTimeOffset now)
    {
        if (role == NominationRole.FocalPoint && ActiveFocalPoint(scope) is { } current)
        {
            throw DomainException.AlreadyExists(
                "FOCAL_POINT_ALREADY_ACTIVE",
                $"nomination/{current.Id}",
                $"Party {Party} already has an active focal point for {scope.Describe()}: {current.Person.FullName} " +
                $"(since {current.EffectiveFrom:yyyy-MM-dd}). Substitute that focal point instead of nominating a second one.");
        }
        var duplicate = _nominations.FirstOrDefault(n => n.IsActive && n.HasSameRoleAndScope(role, scope) && n.Person.IsSamePersonAs(person));
        if (duplicate is not null)
        {
            throw DomainException.AlreadyExists(
                "PERSON_ALREADY_NOMINATED",
                $"nomination/{duplicate.Id}",
                $"{duplicate.Person.FullName} <{duplicate.Person.Email}> is already nominated as {Words(role)} of party {Party} for {scope.Describe()}.");
        }

        var nomination = NewNomination(role, scope, person, actor, now, predecessorId: null);
        var vacant = _tasks.Where(t => t.IsVacant && t.Role == role && t.ScopeKind == nomination.ScopeKind && t.ScopeReviewId == nomination.ScopeReviewId).ToList();
        Handover? handover = null;
        if (vacant.Count > 0)
        {
            var items = vacant.Select(t => new HandoverItem(t.Id, t.Title, t.ReleasedFromNominationId)).ToList();
            foreach (var task in vacant)
            {
                task.PassTo(nomination);
            }
            handover = new Handover(
                Guid.CreateVersion7(now), nomination, null,
                $"Tasks left vacant by a withdrawal taken over by the new {Words(role)}.", now, actor, items);
            _handovers.Add(handover);
        }
        _domainEvents.Add(new PersonNominatedDomainEvent(nomination));
        Revision++;
        return new NominationOutcome(nomination, handover);
    }

    /// <summary>Replaces an active focal point: the predecessor ends, the successor starts, open tasks pass over.</summary>
    public SubstitutionOutcome SubstituteFocalPoint(Guid predecessorId, PersonDetails successor, string reason, string actor, DateTimeOffset now)
    {
        var predecessor = GetNomination(predecessorId);
        if (predecessor.Role != NominationRole.FocalPoint)
        {
            throw DomainException.Precondition(
                "NOT_A_FOCAL_POINT", $"nomination/{predecessor.Id}",
                $"Nomination {predecessor.Id} is a {Words(predecessor.Role)} nomination; only focal points are substituted. " +
                "Withdraw it and nominate another person instead.");
        }
        EnsureActive(predecessor);
        if (predecessor.Person.IsSamePersonAs(successor))
        {
            throw DomainException.Precondition(
                "SUCCESSOR_IS_PREDECESSOR", $"nomination/{predecessor.Id}",
                $"{successor.Email} is already the focal point of party {Party} for {predecessor.Scope.Describe()}; name a different successor.");
        }

        var next = NewNomination(NominationRole.FocalPoint, predecessor.Scope, successor, actor, now, predecessor.Id);
        predecessor.EndBySubstitution(next.Id, reason, actor, now);
        var open = OpenTasksOf(predecessor.Id).ToList();
        var items = open.Select(t => new HandoverItem(t.Id, t.Title, predecessor.Id)).ToList();
        foreach (var task in open)
        {
            task.PassTo(next);
        }
        var handover = new Handover(Guid.CreateVersion7(now), next, predecessor.Id, reason, now, actor, items);
        _handovers.Add(handover);
        _domainEvents.Add(new FocalPointReplacedDomainEvent(predecessor, next, handover));
        _domainEvents.Add(new PersonNominatedDomainEvent(next));
        Revision++;
        return new SubstitutionOutcome(predecessor, next, handover);
    }

    /// <summary>Ends a nomination without a successor; its open tasks become vacant.</summary>
    public WithdrawalOutcome Withdraw(Guid nominationId, string reason, string actor, DateTimeOffset now)
    {
        var nomination = GetNomination(nominationId);
        EnsureActive(nomination);
        var released = OpenTasksOf(nomination.Id).ToList();
        nomination.Withdraw(reason, actor, now);
        foreach (var task in released)
        {
            task.Release();
        }
        _domainEvents.Add(new NominationWithdrawnDomainEvent(nomination));
        Revision++;
        return new WithdrawalOutcome(nomination, released);
    }

    public NominationTask AssignTask(
        Guid nominationId, string title, string description, string? countryReviewId, DateTimeOffset? dueAt, string actor, DateTimeOffset now)
    {
        var holder = GetNomination(nominationId);
        EnsureActive(holder);
        var task = new NominationTask(Guid.CreateVersion7(now), holder, title, description, countryReviewId, dueAt, now, actor);
        _tasks.Add(task);
        Revision++;
        return task;
    }

    public NominationTask CompleteTask(Guid taskId, string actor, DateTimeOffset now)
    {
        var task = _tasks.FirstOrDefault(t => t.Id == taskId)
            ?? throw DomainException.NotFound("TASK_NOT_FOUND", $"task/{taskId}", $"Party {Party} has no task {taskId}.");
        if (!task.IsOpen)
        {
            throw DomainException.Precondition(
                "TASK_ALREADY_COMPLETED", $"task/{taskId}",
                $"Task \"{task.Title}\" was already completed on {task.CompletedAt:yyyy-MM-dd} by {task.CompletedBy}.");
        }
        task.Complete(actor, now);
        Revision++;
        return task;
    }

    private Nomination NewNomination(NominationRole role, NominationScope scope, PersonDetails person, string actor, DateTimeOffset now, Guid? predecessorId)
    {
        var personId = _nominations.FirstOrDefault(n => n.Person.IsSamePersonAs(person))?.PersonId ?? Guid.CreateVersion7(now);
        var nomination = new Nomination(Guid.CreateVersion7(now), personId, Party, role, scope, person, now, actor, predecessorId);
        _nominations.Add(nomination);
        return nomination;
    }

    private void EnsureActive(Nomination nomination)
    {
        if (!nomination.IsActive)
        {
            var how = nomination.Status == NominationStatus.Substituted ? "was substituted" : "was withdrawn";
            throw DomainException.Precondition(
                "NOMINATION_ENDED", $"nomination/{nomination.Id}",
                $"The nomination of {nomination.Person.FullName} as {Words(nomination.Role)} of party {Party} {how} on {nomination.EffectiveUntil:yyyy-MM-dd}.");
        }
    }

    internal static string Words(NominationRole role) => role switch
    {
        NominationRole.FocalPoint => "focal point",
        NominationRole.GovernmentalExpert => "governmental expert",
        _ => "observer",
    };
}
