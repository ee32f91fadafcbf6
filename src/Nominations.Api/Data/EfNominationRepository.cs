using Microsoft.EntityFrameworkCore;
using Nominations.Api.Data.EntityConfigurations;
using Nominations.Api.Domain;
using Nominations.Api.IntegrationEvents;
using ReviewMechanism.Messaging.Outbox;
using Npgsql;

namespace Nominations.Api.Data;

/// <summary>
/// Party rosters in PostgreSQL. A save writes the roster's changes and its integration events (through the
/// outbox) in one transaction; the roster's Revision is the optimistic concurrency token, and the partial
/// unique index on active focal points refuses what a race might still let through.
/// </summary>
public sealed class EfNominationRepository(NominationsDbContext db, IIntegrationEventOutbox outbox) : INominationRepository
{
    public Task<PartyRoster?> FindAsync(string party, CancellationToken cancellationToken) =>
        db.Rosters
            .Include(r => r.Nominations)
            .Include(r => r.Tasks)
            .Include(r => r.Handovers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Party == party, cancellationToken);

    public async Task SaveAsync(PartyRoster roster, CancellationToken cancellationToken)
    {
        if (db.Entry(roster).State == EntityState.Detached)
        {
            db.Rosters.Add(roster);
        }
        foreach (var domainEvent in roster.DomainEvents)
        {
            outbox.Add(NominationsIntegrationEvents.From(domainEvent));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            roster.ClearDomainEvents();
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsRaceOnRoster(ex))
        {
            // Forget everything tracked, so the retry loads the roster as the winner left it.
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(roster.Party, ex);
        }
    }

    public async Task<IReadOnlyList<Nomination>> ListNominationsAsync(IReadOnlyCollection<string>? parties, CancellationToken cancellationToken)
    {
        var query = db.Nominations.AsNoTracking();
        if (parties is not null)
        {
            var list = parties.ToList();
            query = query.Where(n => list.Contains(n.Party));
        }
        return await query.OrderBy(n => n.Party).ThenBy(n => n.EffectiveFrom).ToListAsync(cancellationToken);
    }

    /// <summary>Two first nominations of a party at once (roster key), or two active focal points (the partial index).</summary>
    private static bool IsRaceOnRoster(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (pg.ConstraintName == "PK_PartyRosters" || pg.ConstraintName == Columns.OneActiveFocalPointIndex);
}
