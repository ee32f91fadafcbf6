using Microsoft.EntityFrameworkCore;

namespace Reporting.Api.Data;

/// <summary>
/// A PostgreSQL advisory lock between the event consumers (shared: they run side by side) and the rebuild
/// (exclusive: events arriving during a rebuild wait, then apply on top of the rebuilt read models). Held until the
/// current transaction ends.
/// </summary>
public static class ReadModelLock
{
    private const long Key = 0x5245504F5254; // "REPORT"

    public static Task SharedAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared({0})) AS l", [Key], cancellationToken);

    public static Task ExclusiveAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT 1 FROM (SELECT pg_advisory_xact_lock({0})) AS l", [Key], cancellationToken);
}
