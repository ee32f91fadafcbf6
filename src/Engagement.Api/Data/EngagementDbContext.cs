using ReviewMechanism.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Engagement.Api.Data;

/// <summary>The Engagement service's database: for now the outbox and inbox of its integration events.</summary>
public sealed class EngagementDbContext(DbContextOptions<EngagementDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
