using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("files");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).HasColumnName("id");
        b.Property(f => f.DocumentId).HasColumnName("document_id");
        b.Property(f => f.FileName).HasColumnName("file_name").HasMaxLength(200);
        b.Property(f => f.MediaType).HasColumnName("media_type").HasMaxLength(100);
        b.Property(f => f.Size).HasColumnName("size");
        b.Property(f => f.Sha256).HasColumnName("sha256").HasMaxLength(64);
        b.Property(f => f.Category).HasColumnName("category");
        b.Property(f => f.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(100);
        b.Property(f => f.UploadedAt).HasColumnName("uploaded_at");
        b.HasOne<Document>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.DocumentId).HasDatabaseName("ix_files_document_id");
        b.HasIndex(f => f.Sha256).HasDatabaseName("ix_files_sha256");
    }
}
