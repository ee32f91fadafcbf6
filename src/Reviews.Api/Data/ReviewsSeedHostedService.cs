namespace Reviews.Api.Data;

/// <summary>Loads the parties of the embedded data file into an empty database at start (after the migrations).</summary>
public sealed class ReviewsSeedHostedService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ReviewsDbSeeder.MigrateAndSeedAsync(scope.ServiceProvider.GetRequiredService<ReviewsDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
