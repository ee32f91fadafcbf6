using Engagement.Api.Domain.Common;

namespace Engagement.Api.Domain.Applications;

/// <summary>The applying organization. <see cref="NormalizedName"/> detects the same organization applying twice.</summary>
public sealed record Organization(string Name, StakeholderCategory Category, string Country, string? Website, bool GrassrootsOrVictimLed)
{
    public string NormalizedName => TextRules.Normalize(Name);
}
