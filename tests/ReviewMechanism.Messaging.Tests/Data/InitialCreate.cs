using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace ReviewMechanism.Messaging.Tests.Data;

/// <summary>A hand-written migration as services write them: their tables plus the outbox and inbox.</summary>
[DbContext(typeof(TestServiceContext))]
[Migration("20260101000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "nominations",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                party = table.Column<string>(type: "text", nullable: false),
                full_name = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_nominations", x => x.id));
        migrationBuilder.CreateTable(
            name: "party_tallies",
            columns: table => new
            {
                party = table.Column<string>(type: "text", nullable: false),
                nominations = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_party_tallies", x => x.party));
        migrationBuilder.CreateOutboxAndInboxTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropOutboxAndInboxTables();
        migrationBuilder.DropTable(name: "party_tallies");
        migrationBuilder.DropTable(name: "nominations");
    }
}
