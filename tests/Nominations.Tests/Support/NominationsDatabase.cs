using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Nominations.Api.Application.Workflow;
using Nominations.Api.Data;
using Nominations.Api.Domain;
using ReviewMechanism.Messaging.Outbox;

namespace Nominations.Tests.Support;

/// <summary>The Nominations database on the shared test PostgreSQL, and one request's worth of the service over it.</summary>
public static class NominationsDatabase
{
    public static NominationsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<NominationsDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>A new database built by the hand-written migrations and seeded with the party list, as the service starts.</summary>
    public static async Task<string> NewSeededDatabaseAsync(this PostgresFixture postgres)
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();
        await NominationsDbInitializer.SeedAsync(db, default);
        return connectionString;
    }
}

/// <summary>
/// What one gRPC request gets from the container: its own DbContext, the EF repository and catalog over it, and the
/// workflow; integration events go to the outbox table with the change.
/// </summary>
public sealed class NominationsRequest : IAsyncDisposable
{
    public NominationsRequest(string connectionString, TimeProvider time, Func<INominationRepository, INominationRepository>? wrap = null)
    {
        Db = NominationsDatabase.Context(connectionString);
        Repository = new EfNominationRepository(Db, new OutboxOf(Db));
        Workflow = new NominationWorkflow(wrap?.Invoke(Repository) ?? Repository, new EfCountryReviewCatalog(Db, time), time);
    }

    public NominationsDbContext Db { get; }

    public EfNominationRepository Repository { get; }

    public NominationWorkflow Workflow { get; }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    /// <summary>The messaging library's outbox row for each event, in this request's DbContext.</summary>
    private sealed class OutboxOf(DbContext db) : IIntegrationEventOutbox
    {
        public Guid Add(IMessage integrationEvent) => db.AddIntegrationEvent(integrationEvent);
    }
}
