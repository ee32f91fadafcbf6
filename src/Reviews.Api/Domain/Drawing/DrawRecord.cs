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

    private DrawRecord(Guid id, DrawKind kind, string requestedBy, DateTimeOffset at, IReadOnlyList<string> constraints)
    {
        Id = id;
        Kind = kind;
        RequestedBy = requestedBy;
        RequestedAt = at;
        Constraints = constraints;
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

    public static DrawRecord ForGroupSplit(Guid id, string requestedBy, DateTimeOffset at, ulong seed, GroupSplitInputs inputs, GroupSplitOutcome outcome) =>
        new(id, DrawKind.GroupSplit, requestedBy, at,
            [$"The {inputs.Participants.Count} participating parties are split by lot into {inputs.GroupCount} groups of sizes differing by at most one (para 17)."])
        {
            Seed = seed,
            SplitInputs = inputs,
            SplitOutcome = outcome,
        };

    /// <summary>A split drawn by lot at a session and recorded as given: no seed; <see cref="Reason"/> holds the document or decision.</summary>
    public static DrawRecord ForRecordedGroupSplit(Guid id, string requestedBy, DateTimeOffset at, string reference, GroupSplitInputs inputs, GroupSplitOutcome outcome) =>
        new(id, DrawKind.RecordedGroupSplit, requestedBy, at,
            [$"The {inputs.Participants.Count} participating parties were split by lot into {inputs.GroupCount} groups at a session (para 17); recorded as given ({reference}): groups of {string.Join(", ", outcome.Groups.Select(g => g.Count))}."])
        {
            Reason = reference,
            SplitInputs = inputs,
            SplitOutcome = outcome,
        };

    public static DrawRecord ForPairing(
        Guid id, int groupNumber, string requestedBy, DateTimeOffset at, ulong seed, PairingInputs inputs, PairingOutcome outcome) =>
        new(id, DrawKind.Pairing, requestedBy, at, inputs.Rules.Describe())
        {
            GroupNumber = groupNumber,
            Seed = seed,
            PairingInputs = inputs,
            PairingOutcome = outcome,
        };

    public static DrawRecord ForRedraw(
        Guid id, int groupNumber, string requestedBy, string requestingParty, string reason, DateTimeOffset at, ulong seed,
        PairingInputs inputs, PairingOutcome outcome)
    {
        var redraw = inputs.Redraw!;
        var slots = string.Join(" and ", redraw.Slots.Select(s => s == ReviewerSlot.SameRegion ? "the same-region place" : "the other-region place"));
        var kept = redraw.KeptReviewers.Count == 0 ? "none" : string.Join(", ", redraw.KeptReviewers);
        return new(id, DrawKind.Redraw, requestedBy, at,
            [.. inputs.Rules.Describe(), $"Redraw of {slots} of {redraw.PartyUnderReview}; kept: {kept}; not drawn again: {string.Join(", ", redraw.Excluded)}."])
        {
            GroupNumber = groupNumber,
            PartyUnderReview = redraw.PartyUnderReview,
            RequestingParty = requestingParty,
            Reason = reason,
            Seed = seed,
            PairingInputs = inputs,
            PairingOutcome = outcome,
        };
    }
}
