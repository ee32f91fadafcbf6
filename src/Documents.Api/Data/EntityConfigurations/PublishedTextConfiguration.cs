using Documents.Api.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class PublishedTextConfiguration : IEntityTypeConfiguration<PublishedText>
{
    /// <summary>
    /// The search vector, in the text search configuration of the document's language (literal configurations keep
    /// the expression immutable, as a generated column needs). Must match <c>SearchLanguages</c>.
    /// </summary>
    public const string SearchVectorSql = """
        to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig WHEN 'es' THEN 'spanish'::regconfig WHEN 'ru' THEN 'russian'::regconfig WHEN 'ar' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, title || ' ' || text)
        """;

    public void Configure(EntityTypeBuilder<PublishedText> b)
    {
        b.ToTable("published_texts");
        b.HasKey(t => t.DocumentId);
        b.Property(t => t.DocumentId).HasColumnName("document_id");
        b.Property(t => t.CountryReviewId).HasColumnName("country_review_id").HasMaxLength(64);
        b.Property(t => t.Party).HasColumnName("party").HasMaxLength(3);
        b.Property(t => t.Language).HasColumnName("language").HasMaxLength(2);
        b.Property(t => t.Version).HasColumnName("version");
        b.Property(t => t.Title).HasColumnName("title");
        b.Property(t => t.Text).HasColumnName("text");
        b.Property(t => t.PublishedAt).HasColumnName("published_at");
        b.Property(t => t.SearchVector).HasColumnName("search_vector").HasColumnType("tsvector").HasComputedColumnSql(SearchVectorSql, stored: true);
        b.HasIndex(t => t.SearchVector).HasMethod("gin").HasDatabaseName("ix_published_texts_search_vector");
        b.HasIndex(t => t.Party).HasDatabaseName("ix_published_texts_party");
        b.HasOne<Document>().WithOne().HasForeignKey<PublishedText>(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
