namespace Microsoft.Extensions.Hosting;

/// <summary>How <see cref="DataExtensions.AddNpgsqlDbContext{TContext}"/> connects and migrates.</summary>
public sealed class DataOptions
{
    /// <summary>Retry transient failures (EF's execution strategy). Explicit transactions then go through
    /// <c>db.Database.CreateExecutionStrategy().ExecuteAsync(...)</c>.</summary>
    public bool RetryOnFailure { get; set; } = true;

    /// <summary>Apply pending migrations while the host starts (before it serves requests).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long start-up keeps retrying while the database is not reachable yet.</summary>
    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
