using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ReviewMechanism.Messaging.Data;

/// <summary>Hand-written migration operations for the outbox and inbox tables.</summary>
public static class MessagingMigrationBuilderExtensions
{
    /// <summary>Creates <c>outbox_messages</c> and <c>inbox_messages</c> (the model of <see cref="MessagingModelBuilderExtensions.AddOutboxAndInbox"/>).</summary>
    public static MigrationBuilder CreateOutboxAndInboxTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: MessagingTables.Outbox,
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                sequence = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                clr_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                payload = table.Column<byte[]>(type: "bytea", nullable: false),
                trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                trace_state = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                attempts = table.Column<int>(type: "integer", nullable: false),
                last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_outbox_messages", x => x.id));
        migrationBuilder.CreateIndex(
            name: MessagingTables.OutboxPendingIndex,
            table: MessagingTables.Outbox,
            column: "sequence",
            filter: "sent_at IS NULL");
        migrationBuilder.CreateIndex(
            name: MessagingTables.OutboxSentIndex,
            table: MessagingTables.Outbox,
            column: "sent_at");

        migrationBuilder.CreateTable(
            name: MessagingTables.Inbox,
            columns: table => new
            {
                message_id = table.Column<Guid>(type: "uuid", nullable: false),
                consumer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer }));
        migrationBuilder.CreateIndex(
            name: MessagingTables.InboxProcessedIndex,
            table: MessagingTables.Inbox,
            column: "processed_at");
        return migrationBuilder;
    }

    public static MigrationBuilder DropOutboxAndInboxTables(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: MessagingTables.Inbox);
        migrationBuilder.DropTable(name: MessagingTables.Outbox);
        return migrationBuilder;
    }
}
