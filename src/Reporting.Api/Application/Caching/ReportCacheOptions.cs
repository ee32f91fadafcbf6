namespace Reporting.Api.Application.Caching;

/// <summary><c>Reporting:Cache</c>.</summary>
public sealed class ReportCacheOptions
{
    public const string Section = "Reporting:Cache";

    /// <summary>How long a cached report lives even without events (the bound on staleness if Redis missed an invalidation).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Prefix of every key (deployments or tests sharing one Redis keep apart).</summary>
    public string KeyPrefix { get; set; } = "reporting";
}
