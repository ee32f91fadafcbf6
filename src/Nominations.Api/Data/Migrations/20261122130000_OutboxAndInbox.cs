using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Nominations.Api.Data.Migrations;

/// <summary>The messaging library's tables: the outbox of the events Nominations publishes, the inbox of those it consumes.</summary>
[DbContext(typeof(NominationsDbContext))]
[Migration("20261122130000_OutboxAndInbox")]
public sealed class OutboxAndInbox : OutboxAndInboxMigration;
