using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace ReviewMechanism.ServiceDefaults.Tests.Data;

[DbContext(typeof(ReviewNotesDb))]
[Migration("20260102000000_CreateReviewNotes")]
public sealed class CreateReviewNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "review_notes",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                country_review_id = table.Column<string>(type: "text", nullable: false),
                text = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_review_notes", x => x.id));
        migrationBuilder.CreateOutboxAndInboxTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropOutboxAndInboxTables();
        migrationBuilder.DropTable(name: "review_notes");
    }
}
