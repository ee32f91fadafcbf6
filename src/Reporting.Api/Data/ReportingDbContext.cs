using ReviewMechanism.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Reporting.Api.Data;

/// <summary>The Reporting service's database: for now the outbox and inbox of its integration events.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
