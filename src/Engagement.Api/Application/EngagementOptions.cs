namespace Engagement.Api.Application;

/// <summary>Settings of the Engagement service (section <c>Engagement</c>).</summary>
public sealed class EngagementOptions
{
    /// <summary>The public address of the pages (the gateway's), used in the links mailed to applicants.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The path the pages are served under, through the gateway and directly.</summary>
    public string PathBase { get; set; } = "/engagement";

    /// <summary>How long a verification link works.</summary>
    public TimeSpan VerificationLinkLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Submissions and verifications running their transaction at once (see <see cref="ArrivalGate"/>).</summary>
    public int MaxConcurrentArrivals { get; set; } = 32;

    /// <summary>The most verified arrivals applied in one transaction (see <see cref="ArrivalQueue"/>).</summary>
    public int MaxArrivalBatch { get; set; } = 500;

    public string PagesUrl(string path) => PublicBaseUrl.TrimEnd('/') + PathBase + path;
}
