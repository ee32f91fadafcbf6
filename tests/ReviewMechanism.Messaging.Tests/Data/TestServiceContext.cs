using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;

namespace ReviewMechanism.Messaging.Tests.Data;

/// <summary>A service's own DbContext with the outbox and inbox added to its model.</summary>
public sealed class TestServiceContext(DbContextOptions<TestServiceContext> options) : DbContext(options)
{
    public DbSet<Nomination> Nominations => Set<Nomination>();

    public DbSet<PartyTally> PartyTallies => Set<PartyTally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Nomination>(e =>
        {
            e.ToTable("nominations");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasColumnName("id");
            e.Property(n => n.Party).HasColumnName("party");
            e.Property(n => n.FullName).HasColumnName("full_name");
        });
        modelBuilder.Entity<PartyTally>(e =>
        {
            e.ToTable("party_tallies");
            e.HasKey(t => t.Party);
            e.Property(t => t.Party).HasColumnName("party");
            e.Property(t => t.Nominations).HasColumnName("nominations");
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
