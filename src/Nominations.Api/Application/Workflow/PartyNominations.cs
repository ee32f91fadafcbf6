using Nominations.Api.Domain;

namespace Nominations.Api.Application.Workflow;

/// <summary>A party's nominations (oldest first) and handovers.</summary>
public sealed record PartyNominations(string Party, IReadOnlyList<Nomination> Nominations, IReadOnlyList<Handover> Handovers);
