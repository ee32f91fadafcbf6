using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;

namespace Reviews.Api.Application.Drawing;

/// <summary>
/// Split the participants (ISO3 codes; none = every party to the Convention on <see cref="AsOf"/>, default today) by
/// lot into the configured number of groups. Start dates: one per group, or only the first (the others follow at the
/// configured interval). No seed = one from the operating system's secure generator.
/// </summary>
public sealed record SplitIntoGroupsCommand(
    IReadOnlyList<string> Participants, DateOnly? AsOf, DateOnly? FirstGroupStart, IReadOnlyList<DateOnly> GroupStartDates, ulong? Seed);

/// <summary>
/// Record a split drawn elsewhere (by lot at a session of the Conference): the members of each group, in group order,
/// every party once and each party to the Convention on <see cref="AsOf"/> (default today); the document or decision
/// that records the draw; start dates as for <see cref="SplitIntoGroupsCommand"/>.
/// </summary>
public sealed record RecordGroupSplitCommand(
    IReadOnlyList<IReadOnlyList<string>> Groups, DateOnly? AsOf, DateOnly? FirstGroupStart, IReadOnlyList<DateOnly> GroupStartDates, string? Reference);

/// <summary>Draw the reviewers of every party under review of a group (instruments in force on <see cref="AsOf"/>, default today).</summary>
public sealed record DrawPairingsCommand(int GroupNumber, DateOnly? AsOf, ulong? Seed);

/// <summary>
/// A party asks for its pairing (or its own place as a reviewer) to be drawn again, saying why. The date is checked
/// after the caller (a focal point of another party is refused whatever else the request says).
/// </summary>
public sealed record RequestRedrawCommand(string PartyUnderReview, string RequestingParty, IReadOnlyList<ReviewerSlot> Slots, string? Reason, DateInput? AsOf, ulong? Seed);

/// <summary>A split or a draw: its audit record and what it produced.</summary>
public sealed record GroupSplitResult(DrawRecord Draw, IReadOnlyList<ReviewGroup> Groups);

public sealed record PairingsResult(DrawRecord Draw, IReadOnlyList<CountryPairing> Pairings, IReadOnlyList<string> CountryReviewIds);

public sealed record RedrawResult(DrawRecord Draw, CountryPairing Pairing, int RedrawCount);
