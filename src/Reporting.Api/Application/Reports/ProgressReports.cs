using Google.Protobuf;
using Reporting.Api.Application.Caching;
using Reporting.Api.Data;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Application.Reports;

/// <summary>
/// The progress report as of a date (default: today), full or public, from the cache when no event changed the read
/// models since it was computed.
/// </summary>
public sealed class ProgressReports(ReportReader reader, ProgressReportBuilder builder, IReportCache cache, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<ProgressReport> GetAsync(DateOnly? asOf, DateOnly? since, bool full, CancellationToken cancellationToken)
    {
        var day = asOf ?? Today;
        if (since is { } from && from >= day)
        {
            throw DomainException.Invalid("since", $"The comparison date {from:yyyy-MM-dd} must be before the report's date {day:yyyy-MM-dd}.");
        }
        var key = $"progress:{day:yyyy-MM-dd}:{since:yyyy-MM-dd}:{(full ? "full" : "public")}";
        var bytes = await cache.GetOrAddAsync(key, async ct =>
        {
            var inputs = await reader.ReadAsync(day, ct);
            var then = since is { } s ? await reader.ReadSinceAsync(s, day, ct) : null;
            return builder.Build(inputs, then, full, time.GetUtcNow()).ToByteArray();
        }, cancellationToken);
        return ProgressReport.Parser.ParseFrom(bytes);
    }
}
