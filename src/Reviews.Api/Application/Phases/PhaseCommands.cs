using Reviews.Api.Domain.Groups;

namespace Reviews.Api.Application.Phases;

/// <summary>A Conference decision about a group's next phase (e.g. to launch it before the 70% threshold is met).</summary>
public sealed record RecordConferenceDecisionCommand(int GroupNumber, int FromPhase, ConferenceDecisionOutcome Outcome, string Reference, DateOnly DecidedOn, string? Notes);

/// <summary>The group's phase launched and the country reviews it opened.</summary>
public sealed record PhaseLaunch(int GroupNumber, int Phase, int Cluster, IReadOnlyList<string> CountryReviewIds);
