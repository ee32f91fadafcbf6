using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Reviews.Api.Data.Migrations;

/// <summary>The messaging library's tables: the outbox of the events Reviews publishes, the inbox of those it consumes.</summary>
[DbContext(typeof(ReviewsDbContext))]
[Migration("20261122130000_OutboxAndInbox")]
public sealed class OutboxAndInbox : OutboxAndInboxMigration;
