namespace Reporting.Api.Application.Caching;

/// <summary>
/// Computed reports, kept until an event changes the read models. Entries are keyed by a generation that every
/// applied event moves on, so a report computed before an event is never served after it.
/// </summary>
public interface IReportCache
{
    /// <summary>The cached bytes for <paramref name="key"/> in the current generation, else computes, stores and returns them.</summary>
    Task<byte[]> GetOrAddAsync(string key, Func<CancellationToken, Task<byte[]>> compute, CancellationToken cancellationToken);

    /// <summary>Moves the generation on: every cached report is stale from now on.</summary>
    Task InvalidateAsync();
}
