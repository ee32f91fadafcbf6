namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The audit record of one draw: who asked and when, the seed, the inputs and rules it used, what it produced
/// and, for pairings, every place with the candidates excluded and why. Enough to replay it.
/// </summary>
public sealed class DrawRecord
{
    private DrawRecord()
    {
        RequestedBy = "";
        Constraints = [];
    }

    public Guid Id { get; private set; }

    public DrawKind Kind { get; private set; }

    /// <summary>The group drawn for (null for a group split).</summary>
    public int? GroupNumber { get; private set; }

    /// <summary>For a redraw: whose pairing was drawn again.</summary>
    public string? PartyUnderReview { get; private set; }

    /// <summary>The user who ran the draw (the token's subject).</summary>
    public string RequestedBy { get; private set; }

    /// <summary>For a redraw: the party that asked for it.</summary>
    public string? RequestingParty { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public ulong Seed { get; private set; }

    public GroupSplitInputs? SplitInputs { get; private set; }

    public GroupSplitOutcome? SplitOutcome { get; private set; }

    public PairingInputs? PairingInputs { get; private set; }

    public PairingOutcome? PairingOutcome { get; private set; }

    /// <summary>The rules applied, in words.</summary>
    public IReadOnlyList<string> Constraints { get; private set; }

    public static DrawRecord ForGroupSplit(Guid id, string requestedBy, DateTimeOffset at, ulong seed, GroupSplitInputs inputs, GroupSplitOutcome outcome) => new()
    {
        Id = id,
        Kind = DrawKind.GroupSplit,
        RequestedBy = requestedBy,
        RequestedAt = at,
        Seed = seed,
        SplitInputs = inputs,
        SplitOutcome = outcome,
        Constraints =
        [
            $"The {inputs.Participants.Count} participating parties are split by lot into {inputs.GroupCount} groups of sizes differing by at most one (para 17).",
        ],
    };

    /// <summary>A split drawn by lot at a session and recorded as given: no seed; <see cref="Reason"/> holds the document or decision.</summary>
    public static DrawRecord ForRecordedGroupSplit(Guid id, string requestedBy, DateTimeOffset at, string reference, GroupSplitInputs inputs, GroupSplitOutcome outcome) => new()
    {
        Id = id,
        Kind = DrawKind.RecordedGroupSplit,
        RequestedBy = requestedBy,
        Reason = reference,
        RequestedAt = at,
        SplitInputs = inputs,
        SplitOutcome = outcome,
        Constraints =
        [
            $"The {inputs.Participants.Count} participating parties were split by lot into {inputs.GroupCount} groups at a session (para 17); recorded as given ({reference}): groups of {string.Join(", ", outcome.Groups.Select(g => g.Count))}.",
        ],
    };

    public static DrawRecord ForPairing(
        Guid id, int groupNumber, string requestedBy, DateTimeOffset at, ulong seed, PairingInputs inputs, PairingOutcome outcome) => new()
    {
        Id = id,
        Kind = DrawKind.Pairing,
        GroupNumber = groupNumber,
        RequestedBy = requestedBy,
        RequestedAt = at,
        Seed = seed,
        PairingInputs = inputs,
        PairingOutcome = outcome,
        Constraints = inputs.Rules.Describe(),
    };

    public static DrawRecord ForRedraw(
        Guid id, int groupNumber, string requestedBy, string requestingParty, string reason, DateTimeOffset at, ulong seed,
        PairingInputs inputs, PairingOutcome outcome) => new()
    {
        Id = id,
        Kind = DrawKind.Redraw,
        GroupNumber = groupNumber,
        PartyUnderReview = inputs.Redraw!.PartyUnderReview,
        RequestedBy = requestedBy,
        RequestingParty = requestingParty,
        Reason = reason,
        RequestedAt = at,
        Seed = seed,
        PairingInputs = inputs,
        PairingOutcome = outcome,
        Constraints =
        [
            .. inputs.Rules.Describe(),
            $"Redraw of {string.Join(" and ", inputs.Redraw.Slots.Select(s => s == ReviewerSlot.SameRegion ? "the same-region place" : "the other-region place"))} of {inputs.Redraw.PartyUnderReview}; kept: {(inputs.Redraw.KeptReviewers.Count == 0 ? "none" : string.Join(", ", inputs.Redraw.KeptReviewers))}; not drawn again: {string.Join(", ", inputs.Redraw.Excluded)}.",
        ],
    };
}
