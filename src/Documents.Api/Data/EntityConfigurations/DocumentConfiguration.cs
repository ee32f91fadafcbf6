using Documents.Api.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasColumnName("id");
        b.Property(d => d.CountryReviewId).HasColumnName("country_review_id").HasMaxLength(64);
        b.Property(d => d.Kind).HasColumnName("kind");
        b.Property(d => d.Party).HasColumnName("party").HasMaxLength(3);
        b.Property(d => d.PartyUnderReview).HasColumnName("party_under_review").HasMaxLength(3);
        b.Property(d => d.Cluster).HasColumnName("cluster");
        b.Property(d => d.Phase).HasColumnName("phase");
        b.Property(d => d.Language).HasColumnName("language").HasMaxLength(2);
        b.Property(d => d.OriginalDocumentId).HasColumnName("original_document_id");
        b.Property(d => d.RespondsToDocumentId).HasColumnName("responds_to_document_id");
        b.Property(d => d.RequestId).HasColumnName("request_id").HasMaxLength(64);
        b.Property(d => d.Status).HasColumnName("status");
        b.Property(d => d.Revision).HasColumnName("revision").IsConcurrencyToken();
        b.Property(d => d.LatestVersion).HasColumnName("latest_version");
        b.Property(d => d.TransmittedVersion).HasColumnName("transmitted_version");
        b.Property(d => d.PublishedVersion).HasColumnName("published_version");
        b.Property(d => d.PublishedAt).HasColumnName("published_at");
        b.Property(d => d.PublishedBy).HasColumnName("published_by").HasMaxLength(100);
        b.Property(d => d.SharedWithOtherParties).HasColumnName("shared_with_other_parties");
        b.Property(d => d.CreatedBy).HasColumnName("created_by").HasMaxLength(100);
        b.Property(d => d.CreatedAt).HasColumnName("created_at");
        b.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        b.Ignore(d => d.IsTranslation);
        b.Ignore(d => d.TransmittedVersions);
        b.Ignore(d => d.Subject);
        b.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(d => d.CountryReviewId).HasDatabaseName("ix_documents_country_review_id");
        b.HasIndex(d => new { d.CreatedBy, d.RequestId }).IsUnique().HasFilter("request_id <> ''").HasDatabaseName("ux_documents_request");
        b.HasIndex(d => d.OriginalDocumentId).HasDatabaseName("ix_documents_original_document_id");
    }
}
