using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nominations.Api.Domain;

namespace Nominations.Api.Data.EntityConfigurations;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> b)
    {
        b.ToTable("Handovers");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Party).HasMaxLength(Columns.Party);
        b.Property(h => h.Role).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(h => h.ScopeKind).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(h => h.ScopeReviewId).HasMaxLength(Columns.ReviewId);
        b.Property(h => h.Reason).HasMaxLength(Columns.Reason);
        b.Property(h => h.RecordedBy).HasMaxLength(Columns.Subject);
        b.Ignore(h => h.Scope);
        b.OwnsMany(h => h.Items, items =>
        {
            items.ToTable("HandoverItems");
            items.WithOwner().HasForeignKey("HandoverId");
            // A generated key: a handover item is always new when EF discovers it in the collection.
            items.Property<int>("Id").UseIdentityByDefaultColumn();
            items.HasKey("HandoverId", "Id");
            items.Property(i => i.Title).HasMaxLength(Columns.TaskTitle);
        });
        b.Navigation(h => h.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(h => new { h.Party, h.HandedOverAt });
    }
}
