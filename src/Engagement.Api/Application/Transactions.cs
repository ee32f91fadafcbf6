using Engagement.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Engagement.Api.Application;

/// <summary>
/// Runs a use case in one database transaction under the context's execution strategy (a transient failure reruns
/// the whole unit, starting from a clean change tracker), and tells unique-index violations apart by name.
/// </summary>
public static class Transactions
{
    public static Task<T> InTransactionAsync<T>(this EngagementDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    /// <summary>The name of the unique index <paramref name="exception"/> violated, or null for any other failure.</summary>
    public static string? ViolatedUniqueIndex(this Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } pg
            ? pg.ConstraintName
            : null;
}
