namespace Nominations.Api.Domain;

/// <summary>
/// One person holding one role (focal point, governmental expert, observer) for one party and scope,
/// from <see cref="EffectiveFrom"/> until <see cref="EffectiveUntil"/> (open while active).
/// Changed only through its <see cref="PartyRoster"/>.
/// </summary>
public sealed class Nomination
{
    private Nomination()
    {
        Party = "";
        ScopeReviewId = "";
        Person = null!;
        NominatedBy = "";
    }

    internal Nomination(
        Guid id, Guid personId, string party, NominationRole role, NominationScope scope, PersonDetails person,
        DateTimeOffset effectiveFrom, string nominatedBy, Guid? predecessorId)
    {
        Id = id;
        PersonId = personId;
        Party = party;
        Role = role;
        ScopeKind = scope.Kind;
        ScopeReviewId = scope.CountryReviewId ?? "";
        Person = person;
        Status = NominationStatus.Active;
        EffectiveFrom = effectiveFrom;
        NominatedBy = nominatedBy;
        PredecessorId = predecessorId;
    }

    public Guid Id { get; private set; }

    /// <summary>The same person keeps one id across the party's nominations (matched by e-mail).</summary>
    public Guid PersonId { get; private set; }

    /// <summary>ISO3 code of the nominating party.</summary>
    public string Party { get; private set; }

    public NominationRole Role { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    /// <summary>The review of a <see cref="ScopeKind.SpecificReview"/> scope; empty otherwise.</summary>
    public string ScopeReviewId { get; private set; }

    public NominationScope Scope => NominationScope.From(ScopeKind, ScopeReviewId);

    public PersonDetails Person { get; private set; }

    public NominationStatus Status { get; private set; }

    public DateTimeOffset EffectiveFrom { get; private set; }

    public DateTimeOffset? EffectiveUntil { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>The subject of the user who nominated.</summary>
    public string NominatedBy { get; private set; }

    public string? EndedBy { get; private set; }

    public Guid? PredecessorId { get; private set; }

    public Guid? SuccessorId { get; private set; }

    public bool IsActive => Status == NominationStatus.Active;

    /// <summary>Whether the nomination was in force at <paramref name="at"/>.</summary>
    public bool WasActiveAt(DateTimeOffset at) => EffectiveFrom <= at && (EffectiveUntil is null || at < EffectiveUntil);

    internal bool HasSameRoleAndScope(NominationRole role, NominationScope scope) =>
        Role == role && ScopeKind == scope.Kind && ScopeReviewId == (scope.CountryReviewId ?? "");

    internal void EndBySubstitution(Guid successorId, string reason, string endedBy, DateTimeOffset at)
    {
        End(NominationStatus.Substituted, reason, endedBy, at);
        SuccessorId = successorId;
    }

    internal void Withdraw(string reason, string endedBy, DateTimeOffset at) => End(NominationStatus.Withdrawn, reason, endedBy, at);

    private void End(NominationStatus status, string reason, string endedBy, DateTimeOffset at)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"Nomination {Id} has already ended.");
        }
        Status = status;
        EndReason = reason;
        EndedBy = endedBy;
        EffectiveUntil = at;
    }
}
