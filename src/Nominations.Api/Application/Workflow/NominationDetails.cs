using Nominations.Api.Domain;

namespace Nominations.Api.Application.Workflow;

/// <summary>One nomination with the handovers it gave or received and its open tasks.</summary>
public sealed record NominationDetails(Nomination Nomination, IReadOnlyList<Handover> Handovers, IReadOnlyList<NominationTask> OpenTasks);
