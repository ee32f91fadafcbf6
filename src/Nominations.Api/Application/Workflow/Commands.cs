using Nominations.Api.Domain;
using Nominations.Api.Domain.Validation;

namespace Nominations.Api.Application.Workflow;

/// <summary>Nominate a person. Role and scope kind are null when the caller left them unspecified.</summary>
public sealed record NominateCommand(string? Party, NominationRole? Role, ScopeKind? ScopeKind, string? CountryReviewId, PersonInput? Person);

public sealed record SubstituteFocalPointCommand(string? Party, string? NominationId, PersonInput? Successor, string? Reason);

public sealed record WithdrawNominationCommand(string? Party, string? NominationId, string? Reason);

public sealed record AssignTaskCommand(string? Party, string? NominationId, string? Title, string? Description, string? CountryReviewId, DateTimeOffset? DueAt);

public sealed record CompleteTaskCommand(string? Party, string? TaskId);
