using Microsoft.EntityFrameworkCore.Migrations;

namespace ReviewMechanism.Messaging.Data;

/// <summary>
/// A service's migration that creates <c>outbox_messages</c> and <c>inbox_messages</c>. Derive one per DbContext,
/// with EF's attributes: <c>[DbContext(typeof(XDbContext))] [Migration("20261122130000_OutboxAndInbox")]
/// public sealed class OutboxAndInbox : OutboxAndInboxMigration;</c>
/// </summary>
public abstract class OutboxAndInboxMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateOutboxAndInboxTables();

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropOutboxAndInboxTables();
}
