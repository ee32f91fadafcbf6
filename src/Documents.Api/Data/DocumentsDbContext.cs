using ReviewMechanism.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Documents.Api.Data;

/// <summary>The Documents service's database: for now the outbox and inbox of its integration events.</summary>
public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
