using Engagement.Api.Application;
using Engagement.Api.Data;
using Engagement.Api.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReviewMechanism.Messaging;

namespace Engagement.Tests.Support;

/// <summary>
/// The Engagement use cases over a fresh, migrated database of the shared PostgreSQL server, with the clock in the
/// test's hands (<see cref="Clock"/>). No gRPC, no web: what the pages and the gRPC layer call.
/// </summary>
public sealed class EngagementHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngagementHost(ServiceProvider services, FakeTimeProvider clock, string connectionString)
    {
        _services = services;
        Clock = clock;
        ConnectionString = connectionString;
    }

    public FakeTimeProvider Clock { get; }

    public string ConnectionString { get; }

    public static async Task<EngagementHost> StartAsync(PostgresFixture postgres, DateTimeOffset now)
    {
        var connectionString = await postgres.NewDatabaseAsync();
        var clock = new FakeTimeProvider(now);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDbContext<EngagementDbContext>(db => db
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        // The outbox as the service registers it with messaging (its relay is a hosted service, not run here).
        services.AddIntegrationEventOutbox<EngagementDbContext>();
        services.AddEngagementUseCases(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engagement:PublicBaseUrl"] = "https://review.example",
        }).Build());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().Database.MigrateAsync();
        }
        return new EngagementHost(provider, clock, connectionString);
    }

    /// <summary>Runs <paramref name="work"/> in its own scope (its own DbContext), as one request would.</summary>
    public async Task<T> RunAsync<T, TUseCase>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public Task<T> Applications<T>(Func<ApplicationUseCases, Task<T>> work) => RunAsync(work);

    public Task<T> Decisions<T>(Func<DecisionUseCases, Task<T>> work) => RunAsync(work);

    public Task<T> Dialogues<T>(Func<DialogueUseCases, Task<T>> work) => RunAsync(work);

    public Task<T> Queries<T>(Func<ApplicationQueries, Task<T>> work) => RunAsync(work);

    public Task<T> Trainings<T>(Func<TrainingUseCases, Task<T>> work) => RunAsync(work);

    public async Task<T> DbAsync<T>(Func<EngagementDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EngagementDbContext>());
    }

    public IServiceProvider Services => _services;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
