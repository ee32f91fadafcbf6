namespace Reviews.Api.Domain.Groups;

/// <summary>What the Conference of the Parties decided about a group's advance (para 10: "unless the Conference decides otherwise").</summary>
public enum ConferenceDecisionOutcome
{
    /// <summary>The group may start its next phase before reaching the threshold.</summary>
    Advance = 1,

    /// <summary>The group may not start its next phase even when it reaches the threshold.</summary>
    Hold = 2,
}
