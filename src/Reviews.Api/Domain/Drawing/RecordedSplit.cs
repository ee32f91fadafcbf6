using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;

namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The rules for recording a split drawn elsewhere: as many groups as the mechanism has, none empty, every party
/// listed once (in one group only), each a recorded party and party to the Convention on the date, and the document or
/// decision that records the draw. Reports every broken rule as a field violation (<c>groups[i].parties[j]</c>...).
/// </summary>
public static class RecordedSplit
{
    /// <summary>At most this many violations are reported (then one saying how many more), so the answer stays small.</summary>
    public const int MostReported = 20;

    public static GroupSplitOutcome Check(
        IReadOnlyList<IReadOnlyList<string>> groups, int groupCount, DateOnly asOf, IReadOnlySet<string> recorded, IReadOnlySet<string> partiesOnDate,
        string? reference, out List<FieldViolation> violations)
    {
        violations = [];
        if (groups.Count != groupCount)
        {
            violations.Add(new FieldViolation("groups", $"Give the members of each of the {groupCount} groups (got {groups.Count})."));
        }
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        var outcome = new List<IReadOnlyList<string>>();
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Count == 0)
            {
                violations.Add(new FieldViolation($"groups[{i}].parties", $"Group {i + 1} has no parties."));
            }
            var members = new List<string>();
            for (var j = 0; j < groups[i].Count; j++)
            {
                var field = $"groups[{i}].parties[{j}]";
                var code = groups[i][j]?.Trim().ToUpperInvariant();
                if (!Iso3.IsValid(code))
                {
                    violations.Add(new FieldViolation(field, $"'{groups[i][j]}' is not a party code: use the three-letter ISO 3166-1 alpha-3 code (EUU for the European Union)."));
                    continue;
                }
                if (placed.TryGetValue(code!, out var first))
                {
                    violations.Add(new FieldViolation(field, first == i
                        ? $"{code} is listed twice in group {i + 1}: every party once."
                        : $"{code} is already in group {first + 1}: every party once, in one group."));
                    continue;
                }
                placed[code!] = i;
                if (!recorded.Contains(code!))
                {
                    violations.Add(new FieldViolation(field, $"No party {code} is recorded."));
                }
                else if (!partiesOnDate.Contains(code!))
                {
                    violations.Add(new FieldViolation(field, $"{code} was not party to the Convention on {asOf:yyyy-MM-dd}."));
                }
                members.Add(code!);
            }
            outcome.Add([.. members.Order(StringComparer.Ordinal)]);
        }
        if (violations.Count > MostReported)
        {
            var more = violations.Count - MostReported;
            violations = [.. violations.Take(MostReported), new FieldViolation("groups", $"{more} more listed parties are refused as well (only the first {MostReported} are named).")];
        }
        if (string.IsNullOrWhiteSpace(reference))
        {
            violations.Add(new FieldViolation("reference", "Name the document or decision that records the draw (e.g. the session's report)."));
        }
        return new GroupSplitOutcome(outcome);
    }
}
