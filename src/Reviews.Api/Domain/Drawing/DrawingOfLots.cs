using System.Security.Cryptography;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The drawing of lots (paras 17 and 28): splitting the parties into groups and drawing the reviewers of each
/// party under review. Pure functions of (inputs, seed): the same inputs and seed give the same result.
/// </summary>
public static class DrawingOfLots
{
    /// <summary>A fresh seed from the operating system's cryptographic generator (recorded with the draw).</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>The candidates of a draw: every party to the Convention on <paramref name="asOf"/>, in ISO3 order.</summary>
    public static IReadOnlyList<DrawCandidate> CandidatesAsOf(IEnumerable<Party> parties, DateOnly asOf) =>
        parties.Where(p => p.IsPartyTo(Instrument.Untoc, asOf))
            .OrderBy(p => p.Iso3, StringComparer.Ordinal)
            .Select(p => new DrawCandidate(p.Iso3, p.RegionalGroup, p.InstrumentsAsOf(asOf)))
            .ToList();

    /// <summary>Splits the participants by lot into groups whose sizes differ by at most one.</summary>
    public static GroupSplitOutcome SplitIntoGroups(GroupSplitInputs inputs, ulong seed)
    {
        if (inputs.GroupCount < 1)
        {
            throw DomainException.Invalid("group_count", "At least one group is needed.");
        }
        var participants = inputs.Participants.ToList();
        if (participants.Distinct(StringComparer.Ordinal).Count() != participants.Count)
        {
            throw DomainException.Invalid("participants", "A party is listed twice among the participants.");
        }
        if (participants.Count < inputs.GroupCount)
        {
            throw DomainException.Invalid("participants", $"{participants.Count} parties cannot fill {inputs.GroupCount} groups.");
        }
        participants.Sort(StringComparer.Ordinal);
        var random = new Xoshiro256StarStar(seed);
        random.Shuffle(participants);
        var groups = Enumerable.Range(0, inputs.GroupCount).Select(_ => new List<string>()).ToList();
        for (var i = 0; i < participants.Count; i++)
        {
            groups[i % inputs.GroupCount].Add(participants[i]);
        }
        return new GroupSplitOutcome(groups.Select(g => (IReadOnlyList<string>)g.Order(StringComparer.Ordinal).ToList()).ToList());
    }

    /// <summary>
    /// Draws the places of the parties under review (all places, or those of <see cref="PairingInputs.Redraw"/>).
    /// Fails with FAILED_PRECONDITION naming the rule that cannot be met when no pairing satisfies them all.
    /// <paramref name="withAudit"/> false skips writing the exclusions of every place (the places are the same):
    /// for bulk checks of the rules, never for a draw that is recorded.
    /// </summary>
    public static PairingOutcome Draw(PairingInputs inputs, ulong seed, bool withAudit = true)
    {
        var problem = DrawingProblem.Build(inputs);
        problem.CheckFeasibility();
        var solver = new PairingSolver(
            problem.Region, problem.Instruments, problem.Capacity, problem.Purs,
            inputs.Rules.AdditionalReviewerKeepsSlotRegion, inputs.Rules.MaxSearchSteps, new Xoshiro256StarStar(seed));
        var outcome = solver.Solve();
        if (outcome != PairingSolver.SolveOutcome.Solved)
        {
            throw problem.SearchFailure(solver, outcome);
        }
        return problem.Outcome(solver, withAudit);
    }

    /// <summary>Draws again with the recorded inputs and seed: the result equals the recorded one.</summary>
    public static PairingOutcome Replay(DrawRecord record) =>
        Draw(record.PairingInputs ?? throw new InvalidOperationException("The record is not a pairing draw."), record.Seed);

    /// <summary>The same-region test of the draw, affinity included (see <see cref="RegionalAffinityOptions"/>).</summary>
    public static byte RegionMask(RegionalGroup group, string iso3, DrawRules rules)
    {
        if (group != RegionalGroup.None)
        {
            return (byte)(1 << (int)group);
        }
        var affinity = rules.Affinities.FirstOrDefault(a => a.Iso3 == iso3);
        byte mask = 0;
        foreach (var g in affinity?.Groups ?? [])
        {
            if (g != RegionalGroup.None)
            {
                mask |= (byte)(1 << (int)g);
            }
        }
        return mask;
    }
}
