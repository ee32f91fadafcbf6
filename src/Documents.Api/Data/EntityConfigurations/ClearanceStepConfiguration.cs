using Documents.Api.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class ClearanceStepConfiguration : IEntityTypeConfiguration<ClearanceStep>
{
    public void Configure(EntityTypeBuilder<ClearanceStep> b)
    {
        b.ToTable("document_steps");
        b.HasKey(s => new { s.DocumentId, s.Sequence });
        b.Property(s => s.DocumentId).HasColumnName("document_id");
        b.Property(s => s.Sequence).HasColumnName("sequence");
        b.Property(s => s.From).HasColumnName("from_status");
        b.Property(s => s.To).HasColumnName("to_status");
        b.Property(s => s.Version).HasColumnName("version");
        b.Property(s => s.By).HasColumnName("by").HasMaxLength(100);
        b.Property(s => s.Comment).HasColumnName("comment").HasMaxLength(10000);
        b.Property(s => s.At).HasColumnName("at");
    }
}
