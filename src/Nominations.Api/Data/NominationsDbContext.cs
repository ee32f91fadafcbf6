using Microsoft.EntityFrameworkCore;
using Nominations.Api.Data.EntityConfigurations;
using Nominations.Api.Domain;
using ReviewMechanism.Messaging.Data;

namespace Nominations.Api.Data;

/// <summary>
/// The Nominations database: party rosters (nominations, tasks, handovers) and the read-model of parties
/// and country reviews. Schema changes are hand-written migrations in Data/Migrations. The messaging
/// library's outbox (integration events saved with the change) and inbox (events applied once) are here too.
/// </summary>
public sealed class NominationsDbContext(DbContextOptions<NominationsDbContext> options) : DbContext(options)
{
    public DbSet<PartyRoster> Rosters => Set<PartyRoster>();

    public DbSet<Nomination> Nominations => Set<Nomination>();

    public DbSet<NominationTask> Tasks => Set<NominationTask>();

    public DbSet<Handover> Handovers => Set<Handover>();

    public DbSet<PartyRecord> Parties => Set<PartyRecord>();

    public DbSet<CountryReviewRecord> CountryReviews => Set<CountryReviewRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PartyRosterConfiguration());
        modelBuilder.ApplyConfiguration(new NominationConfiguration());
        modelBuilder.ApplyConfiguration(new NominationTaskConfiguration());
        modelBuilder.ApplyConfiguration(new HandoverConfiguration());
        modelBuilder.ApplyConfiguration(new PartyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CountryReviewRecordConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}
