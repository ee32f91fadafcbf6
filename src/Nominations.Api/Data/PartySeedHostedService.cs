namespace Nominations.Api.Data;

/// <summary>Runs at start, after the migrations (hosted services start in registration order).</summary>
public sealed class PartySeedHostedService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await NominationsDbInitializer.SeedAsync(scope.ServiceProvider.GetRequiredService<NominationsDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
