using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nominations.Api.Domain;

namespace Nominations.Api.Data.EntityConfigurations;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.ToTable("Nominations");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Party).HasMaxLength(Columns.Party);
        b.Property(n => n.Role).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(n => n.ScopeKind).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(n => n.ScopeReviewId).HasMaxLength(Columns.ReviewId);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(n => n.EndReason).HasMaxLength(Columns.Reason);
        b.Property(n => n.NominatedBy).HasMaxLength(Columns.Subject);
        b.Property(n => n.EndedBy).HasMaxLength(Columns.Subject);
        b.Ignore(n => n.Scope);
        b.Ignore(n => n.IsActive);
        b.ComplexProperty(n => n.Person, p =>
        {
            p.Property(x => x.FullName).HasColumnName("FullName").HasMaxLength(Columns.Name);
            p.Property(x => x.Title).HasColumnName("Title").HasMaxLength(Columns.Title);
            p.Property(x => x.Gender).HasColumnName("Gender").HasConversion<string>().HasMaxLength(Columns.Enum);
            p.Property(x => x.Email).HasColumnName("Email").HasMaxLength(Columns.Email);
            p.Property(x => x.Phone).HasColumnName("Phone").HasMaxLength(Columns.Phone);
            p.Property(x => x.Affiliation).HasColumnName("Affiliation").HasMaxLength(Columns.Name);
        });

        // The last line of defence behind PartyRoster's rule: PostgreSQL refuses a second active focal point.
        b.HasIndex(n => new { n.Party, n.ScopeKind, n.ScopeReviewId })
            .IsUnique()
            .HasFilter(Columns.OneActiveFocalPointFilter)
            .HasDatabaseName(Columns.OneActiveFocalPointIndex);
        b.HasIndex(n => new { n.Party, n.Role, n.Status });
        b.HasIndex(n => n.PersonId);
    }
}
