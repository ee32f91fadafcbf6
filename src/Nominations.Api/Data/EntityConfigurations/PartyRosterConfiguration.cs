using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nominations.Api.Domain;

namespace Nominations.Api.Data.EntityConfigurations;

internal sealed class PartyRosterConfiguration : IEntityTypeConfiguration<PartyRoster>
{
    public void Configure(EntityTypeBuilder<PartyRoster> b)
    {
        b.ToTable("PartyRosters");
        b.HasKey(r => r.Party);
        b.Property(r => r.Party).HasMaxLength(Columns.Party);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.Ignore(r => r.DomainEvents);
        b.HasMany(r => r.Nominations).WithOne().HasForeignKey(n => n.Party).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Tasks).WithOne().HasForeignKey(t => t.Party).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Handovers).WithOne().HasForeignKey(h => h.Party).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(r => r.Nominations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(r => r.Handovers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
