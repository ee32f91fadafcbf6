using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Applies <typeparamref name="TContext"/>'s pending migrations while the host starts, so nothing is
/// served before the schema exists. While PostgreSQL is not reachable yet (or the database is still being
/// created) it retries with backoff up to a timeout; a failing migration stops the start.
/// </summary>
public sealed partial class MigrateDbContextHostedService<TContext>(IServiceProvider services, TimeSpan timeout, ILogger<MigrateDbContextHostedService<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                LogMigrated(logger, typeof(TContext).Name, pending.Count, string.Join(", ", pending));
                return;
            }
            catch (Exception ex) when (IsNotReachableYet(ex) && started.Elapsed + delay < timeout && !cancellationToken.IsCancellationRequested)
            {
                LogWaiting(logger, typeof(TContext).Name, attempt, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Connection refused/reset, timeouts, "starting up" and "database does not exist (yet)".</summary>
    public static bool IsNotReachableYet(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    return pg.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.InvalidCatalogName
                        or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.TooManyConnections;
                case SocketException or TimeoutException:
                    return true;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context}: {Count} migration(s) applied {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string context, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database of {Context} not reachable yet (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string context, int attempt, double delayMs, string reason);
}
