using Documents.Api.Data.EntityConfigurations;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;
using Documents.Api.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;

namespace Documents.Api.Data;

/// <summary>
/// The Documents service's database (PostgreSQL, <c>documentsdb</c>): documents, their immutable versions and
/// workflow steps, stored files (the bytes are in the blob folder), the published texts with their search vectors,
/// the read model of reviews and nominations kept from other services' events, and the outbox and inbox.
/// </summary>
public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> Versions => Set<DocumentVersion>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<PublishedText> PublishedTexts => Set<PublishedText>();

    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();

    public DbSet<NominationRecord> Nominations => Set<NominationRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DocumentConfiguration());
        modelBuilder.ApplyConfiguration(new DocumentVersionConfiguration());
        modelBuilder.ApplyConfiguration(new ClearanceStepConfiguration());
        modelBuilder.ApplyConfiguration(new StoredFileConfiguration());
        modelBuilder.ApplyConfiguration(new PublishedTextConfiguration());
        modelBuilder.ApplyConfiguration(new ReviewRecordConfiguration());
        modelBuilder.ApplyConfiguration(new NominationRecordConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}
