using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;

namespace ReviewMechanism.ServiceDefaults.Tests.Data;

public sealed class ReviewNotesDb(DbContextOptions<ReviewNotesDb> options) : DbContext(options)
{
    public DbSet<ReviewNote> Notes => Set<ReviewNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReviewNote>(e =>
        {
            e.ToTable("review_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasColumnName("id");
            e.Property(n => n.CountryReviewId).HasColumnName("country_review_id");
            e.Property(n => n.Text).HasColumnName("text");
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
