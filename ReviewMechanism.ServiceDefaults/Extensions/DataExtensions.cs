using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

public static class DataExtensions
{
    /// <summary>
    /// <typeparamref name="TContext"/> on PostgreSQL from <c>ConnectionStrings:{connectionName}</c> (Aspire's
    /// <c>ConnectionStrings__reviewsdb</c>), its hand-written migrations applied while the host starts
    /// (retrying while the database is not reachable yet), and a health check named after the connection.
    /// The connection string gets <see cref="NpgsqlConnectionTuning"/>'s settings unless it sets them itself.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName, Action<DataOptions>? configure = null, Action<DbContextOptionsBuilder>? configureDbContext = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}.");
        }
        connectionString = NpgsqlConnectionTuning.Apply(connectionString);
        var options = new DataOptions();
        configure?.Invoke(options);
        builder.Services.AddDbContext<TContext>(db =>
        {
            db.UseNpgsql(connectionString, npgsql =>
            {
                if (options.RetryOnFailure)
                {
                    npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
                }
            });
            // Migrations are written by hand without a model snapshot, so EF would always see "pending changes".
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            configureDbContext?.Invoke(db);
        });
        if (options.MigrateOnStart)
        {
            builder.Services.AddHostedService(sp => new MigrateDbContextHostedService<TContext>(
                sp, options.MigrationTimeout, sp.GetRequiredService<ILogger<MigrateDbContextHostedService<TContext>>>()));
        }
        builder.Services.AddHealthChecks().AddCheck<DbContextHealthCheck<TContext>>(connectionName, tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}

