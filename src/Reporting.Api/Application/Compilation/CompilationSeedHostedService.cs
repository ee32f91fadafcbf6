
namespace Reporting.Api.Application.Compilation;

/// <summary>Loads the 2024 compilation into an empty database at start (after the migrations, which run first).</summary>
public sealed class CompilationSeedHostedService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Recommendations>().SeedAsync(CompilationSeed.Load(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
