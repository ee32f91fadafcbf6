using Google.Protobuf.WellKnownTypes;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Validation;
using Nominations.Api.Application.Workflow;
using Ev = ReviewMechanism.Events.V1;
using V1 = ReviewMechanism.Nominations.V1;

namespace Nominations.Api.Grpc;

/// <summary>Proto requests to domain commands. Unspecified or unknown enum values become null (the rules say what is missing).</summary>
public static class RequestMapper
{
    public static NominateCommand Nominate(V1.NominateRequest r) =>
        new(r.Party, Role(r.Role), ScopeKind(r.Scope), r.Scope?.CountryReviewId, Person(r.Person));

    public static SubstituteFocalPointCommand Substitute(V1.SubstituteFocalPointRequest r) =>
        new(r.Party, r.NominationId, Person(r.Successor), r.Reason);

    public static WithdrawNominationCommand Withdraw(V1.WithdrawNominationRequest r) => new(r.Party, r.NominationId, r.Reason);

    public static AssignTaskCommand AssignTask(V1.AssignTaskRequest r) =>
        new(r.Party, r.NominationId, r.Title, r.Description, r.CountryReviewId, r.DueAt is null ? null : Time(r.DueAt));

    public static CompleteTaskCommand CompleteTask(V1.CompleteTaskRequest r) => new(r.Party, r.TaskId);

    public static NominationRole? Role(Ev.NominationRole role) => role switch
    {
        Ev.NominationRole.FocalPoint => NominationRole.FocalPoint,
        Ev.NominationRole.GovernmentalExpert => NominationRole.GovernmentalExpert,
        Ev.NominationRole.Observer => NominationRole.Observer,
        _ => null,
    };

    /// <summary>A role filter: unspecified means every role; a value outside the enum is refused.</summary>
    public static NominationRole? RoleFilter(Ev.NominationRole role, string field)
    {
        if (role == Ev.NominationRole.Unspecified)
        {
            return null;
        }
        if (Role(role) is { } known)
        {
            return known;
        }
        var violations = new Violations();
        violations.Add(field, $"{(int)role} is not a role: FOCAL_POINT, GOVERNMENTAL_EXPERT or OBSERVER");
        violations.ThrowIfAny();
        return null;
    }

    public static ScopeKind? ScopeKind(Ev.NominationScope? scope) => scope?.Kind switch
    {
        Ev.NominationScopeKind.OwnReview => Domain.ScopeKind.OwnReview,
        Ev.NominationScopeKind.AsReviewer => Domain.ScopeKind.AsReviewer,
        Ev.NominationScopeKind.SpecificReview => Domain.ScopeKind.SpecificReview,
        _ => null,
    };

    public static PersonInput? Person(V1.PersonDetails? p) => p is null
        ? null
        : new PersonInput(p.FullName, p.Title, Gender(p.Gender), p.Email, p.Phone, p.Affiliation);

    public static Gender? Gender(V1.Gender gender) => gender switch
    {
        V1.Gender.Unspecified or V1.Gender.NotInformed => Domain.Gender.NotInformed,
        V1.Gender.Female => Domain.Gender.Female,
        V1.Gender.Male => Domain.Gender.Male,
        _ => null,
    };

    private static DateTimeOffset Time(Timestamp timestamp)
    {
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            var violations = new Violations();
            violations.Add("due_at", "is not a valid timestamp");
            violations.ThrowIfAny();
            throw;
        }
    }
}
