namespace Nominations.Api.Domain;

/// <summary>A new nomination, and the handover of vacant tasks it took over (if any).</summary>
public sealed record NominationOutcome(Nomination Nomination, Handover? Handover);

/// <summary>A focal point substitution: the leaver, the successor and the explicit handover.</summary>
public sealed record SubstitutionOutcome(Nomination Predecessor, Nomination Successor, Handover Handover);

/// <summary>A withdrawal and the open tasks it left vacant.</summary>
public sealed record WithdrawalOutcome(Nomination Nomination, IReadOnlyList<NominationTask> ReleasedTasks);
