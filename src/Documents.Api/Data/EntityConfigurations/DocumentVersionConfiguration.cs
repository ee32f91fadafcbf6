using Documents.Api.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.ToTable("document_versions");
        b.HasKey(v => new { v.DocumentId, v.Number });
        b.Property(v => v.DocumentId).HasColumnName("document_id");
        b.Property(v => v.Number).HasColumnName("number");
        b.Property(v => v.Content).HasColumnName("content").HasColumnType("jsonb").HasConversion(ContentJson.Converter, ContentJson.Comparer);
        b.Property(v => v.Author).HasColumnName("author").HasMaxLength(100);
        b.Property(v => v.ChangeNote).HasColumnName("change_note").HasMaxLength(1000);
        b.Property(v => v.CreatedAt).HasColumnName("created_at");
        b.Property(v => v.ContentSha256).HasColumnName("content_sha256").HasMaxLength(64);
        b.Property(v => v.ArticlesDone).HasColumnName("articles_done");
        b.HasOne<Document>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
