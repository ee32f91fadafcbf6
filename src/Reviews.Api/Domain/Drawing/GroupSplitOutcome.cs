namespace Reviews.Api.Domain.Drawing;

/// <summary>The parties under review of each group (group 1 first), each list in ISO3 order.</summary>
public sealed record GroupSplitOutcome(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public bool SameAs(GroupSplitOutcome other) =>
        Groups.Count == other.Groups.Count && Groups.Zip(other.Groups).All(p => p.First.SequenceEqual(p.Second));
}
