using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>The regional groups a party in no group was counted in (<see cref="RegionalAffinityOptions"/>).</summary>
public sealed record AffinityRule(string Iso3, IReadOnlyList<RegionalGroup> Groups);
