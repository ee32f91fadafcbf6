using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nominations.Api.Data.EntityConfigurations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Nominations.Api.Data.Migrations;

/// <summary>
/// Party rosters (nominations, tasks, handovers), the partial unique index that allows one active focal
/// point per party and scope, and the parties / country reviews read-model. Written by hand (the EF design
/// tools do not restore here); it must create exactly what <see cref="NominationsDbContext"/>'s model describes.
/// </summary>
[DbContext(typeof(NominationsDbContext))]
[Migration("20261122120000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CountryReviews",
            columns: table => new
            {
                Id = table.Column<string>(type: "character varying(100)", maxLength: Columns.ReviewId, nullable: false),
                PartyUnderReview = table.Column<string>(type: "character varying(3)", maxLength: Columns.Party, nullable: false),
                ReviewingParties = table.Column<List<string>>(type: "text[]", nullable: false),
                StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CountryReviews", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Parties",
            columns: table => new
            {
                Iso3 = table.Column<string>(type: "character varying(3)", maxLength: Columns.Party, nullable: false),
                Name = table.Column<string>(type: "character varying(200)", maxLength: Columns.Name, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Parties", x => x.Iso3));

        migrationBuilder.CreateTable(
            name: "PartyRosters",
            columns: table => new
            {
                Party = table.Column<string>(type: "character varying(3)", maxLength: Columns.Party, nullable: false),
                Revision = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PartyRosters", x => x.Party));

        migrationBuilder.CreateTable(
            name: "Handovers",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                Party = table.Column<string>(type: "character varying(3)", maxLength: Columns.Party, nullable: false),
                Role = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                ScopeKind = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                ScopeReviewId = table.Column<string>(type: "character varying(100)", maxLength: Columns.ReviewId, nullable: false),
                FromNominationId = table.Column<Guid>(type: "uuid", nullable: true),
                ToNominationId = table.Column<Guid>(type: "uuid", nullable: false),
                Reason = table.Column<string>(type: "character varying(2000)", maxLength: Columns.Reason, nullable: false),
                HandedOverAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: Columns.Subject, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Handovers", x => x.Id);
                table.ForeignKey("FK_Handovers_PartyRosters_Party", x => x.Party, "PartyRosters", "Party", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Nominations",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                Party = table.Column<string>(type: "character varying(3)", maxLength: Columns.Party, nullable: false),
                Role = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                ScopeKind = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                ScopeReviewId = table.Column<string>(type: "character varying(100)", maxLength: Columns.ReviewId, nullable: false),
                Status = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                EffectiveUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                EndReason = table.Column<string>(type: "character varying(2000)", maxLength: Columns.Reason, nullable: true),
                NominatedBy = table.Column<string>(type: "character varying(200)", maxLength: Columns.Subject, nullable: false),
                EndedBy = table.Column<string>(type: "character varying(200)", maxLength: Columns.Subject, nullable: true),
                PredecessorId = table.Column<Guid>(type: "uuid", nullable: true),
                SuccessorId = table.Column<Guid>(type: "uuid", nullable: true),
                Affiliation = table.Column<string>(type: "character varying(200)", maxLength: Columns.Name, nullable: false),
                Email = table.Column<string>(type: "character varying(254)", maxLength: Columns.Email, nullable: false),
                FullName = table.Column<string>(type: "character varying(200)", maxLength: Columns.Name, nullable: false),
                Gender = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                Phone = table.Column<string>(type: "character varying(40)", maxLength: Columns.Phone, nullable: false),
                Title = table.Column<string>(type: "character varying(120)", maxLength: Columns.Title, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Nominations", x => x.Id);
                table.ForeignKey("FK_Nominations_PartyRosters_Party", x => x.Party, "PartyRosters", "Party", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "NominationTasks",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                Party = table.Column<string>(type: "character varying(3)", maxLength: Columns.Party, nullable: false),
                NominationId = table.Column<Guid>(type: "uuid", nullable: true),
                Role = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                ScopeKind = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                ScopeReviewId = table.Column<string>(type: "character varying(100)", maxLength: Columns.ReviewId, nullable: false),
                ReleasedFromNominationId = table.Column<Guid>(type: "uuid", nullable: true),
                Title = table.Column<string>(type: "character varying(300)", maxLength: Columns.TaskTitle, nullable: false),
                Description = table.Column<string>(type: "character varying(4000)", maxLength: Columns.TaskDescription, nullable: false),
                CountryReviewId = table.Column<string>(type: "character varying(100)", maxLength: Columns.ReviewId, nullable: true),
                DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                Status = table.Column<string>(type: "character varying(32)", maxLength: Columns.Enum, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: Columns.Subject, nullable: false),
                CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: Columns.Subject, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NominationTasks", x => x.Id);
                table.ForeignKey("FK_NominationTasks_PartyRosters_Party", x => x.Party, "PartyRosters", "Party", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "HandoverItems",
            columns: table => new
            {
                HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                Id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                Title = table.Column<string>(type: "character varying(300)", maxLength: Columns.TaskTitle, nullable: false),
                FromNominationId = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HandoverItems", x => new { x.HandoverId, x.Id });
                table.ForeignKey("FK_HandoverItems_Handovers_HandoverId", x => x.HandoverId, "Handovers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_CountryReviews_StartedAt", "CountryReviews", "StartedAt");
        migrationBuilder.CreateIndex("IX_Handovers_Party_HandedOverAt", "Handovers", ["Party", "HandedOverAt"]);
        migrationBuilder.CreateIndex(
            name: Columns.OneActiveFocalPointIndex,
            table: "Nominations",
            columns: ["Party", "ScopeKind", "ScopeReviewId"],
            unique: true,
            filter: Columns.OneActiveFocalPointFilter);
        migrationBuilder.CreateIndex("IX_Nominations_Party_Role_Status", "Nominations", ["Party", "Role", "Status"]);
        migrationBuilder.CreateIndex("IX_Nominations_PersonId", "Nominations", "PersonId");
        migrationBuilder.CreateIndex("IX_NominationTasks_Party_NominationId", "NominationTasks", ["Party", "NominationId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("HandoverItems");
        migrationBuilder.DropTable("NominationTasks");
        migrationBuilder.DropTable("Nominations");
        migrationBuilder.DropTable("Handovers");
        migrationBuilder.DropTable("PartyRosters");
        migrationBuilder.DropTable("Parties");
        migrationBuilder.DropTable("CountryReviews");
    }
}
