using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reviews.Api.Data.Migrations;

/// <summary>
/// The first schema of reviewsdb, written by hand (Microsoft.EntityFrameworkCore.Design does not restore here).
/// It matches the model of <see cref="ReviewsDbContext"/>; a test compares the migrated schema with the one
/// EF Core derives from the model. Aggregates' inner collections are jsonb documents; reviews are found by party
/// through the GIN-indexed <c>party_codes</c> array; <c>sent_notifications.key</c> is unique (exactly-once notices).
/// </summary>
[DbContext(typeof(ReviewsDbContext))]
[Migration("20261122120000_InitialReviewsSchema")]
public sealed class InitialReviewsSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "parties",
            columns: table => new
            {
                iso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                regional_group = table.Column<int>(type: "integer", nullable: false),
                notes = table.Column<string>(type: "text", nullable: true),
                doubtful_instruments = table.Column<short>(type: "smallint", nullable: false),
                permanent_mission_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                correspondence_language = table.Column<int>(type: "integer", nullable: true),
                recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_parties", x => x.iso3));

        migrationBuilder.CreateTable(
            name: "party_ratifications",
            columns: table => new
            {
                instrument = table.Column<int>(type: "integer", nullable: false),
                party_iso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                date = table.Column<DateOnly>(type: "date", nullable: true),
                precision = table.Column<int>(type: "integer", nullable: false),
                source = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_party_ratifications", x => new { x.party_iso3, x.instrument });
                table.ForeignKey(
                    name: "FK_party_ratifications_parties_party_iso3",
                    column: x => x.party_iso3,
                    principalTable: "parties",
                    principalColumn: "iso3",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "review_groups",
            columns: table => new
            {
                number = table.Column<int>(type: "integer", nullable: false),
                start_date = table.Column<DateOnly>(type: "date", nullable: false),
                parties = table.Column<string[]>(type: "text[]", nullable: false),
                split_draw_id = table.Column<Guid>(type: "uuid", nullable: false),
                pairing_draw_id = table.Column<Guid>(type: "uuid", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                conference_decisions = table.Column<string>(type: "jsonb", nullable: true),
                pairings = table.Column<string>(type: "jsonb", nullable: true),
                phases = table.Column<string>(type: "jsonb", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_review_groups", x => x.number));

        migrationBuilder.CreateTable(
            name: "draws",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<int>(type: "integer", nullable: false),
                group_number = table.Column<int>(type: "integer", nullable: true),
                party_under_review = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                requesting_party = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                reason = table.Column<string>(type: "text", nullable: true),
                requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                seed = table.Column<decimal>(type: "numeric(20,0)", nullable: false),
                split_inputs = table.Column<string>(type: "jsonb", nullable: true),
                split_outcome = table.Column<string>(type: "jsonb", nullable: true),
                pairing_inputs = table.Column<string>(type: "jsonb", nullable: true),
                pairing_outcome = table.Column<string>(type: "jsonb", nullable: true),
                constraints = table.Column<string[]>(type: "text[]", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_draws", x => x.id));

        migrationBuilder.CreateTable(
            name: "country_reviews",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                party_under_review = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                group_number = table.Column<int>(type: "integer", nullable: false),
                phase = table.Column<int>(type: "integer", nullable: false),
                cluster = table.Column<int>(type: "integer", nullable: false),
                start_date = table.Column<DateOnly>(type: "date", nullable: false),
                stage = table.Column<int>(type: "integer", nullable: false),
                stage_entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                party_codes = table.Column<string[]>(type: "text[]", nullable: false),
                languages = table.Column<int[]>(type: "integer[]", nullable: false),
                languages_exceptional = table.Column<bool>(type: "boolean", nullable: false),
                questionnaire_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                observations_finalized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                deadlines = table.Column<string>(type: "jsonb", nullable: true),
                history = table.Column<string>(type: "jsonb", nullable: true),
                participants = table.Column<string>(type: "jsonb", nullable: true),
                preliminary_consultation = table.Column<string>(type: "jsonb", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_country_reviews", x => x.id));

        migrationBuilder.CreateTable(
            name: "known_nominations",
            columns: table => new
            {
                nomination_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                party = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                role = table.Column<int>(type: "integer", nullable: false),
                scope = table.Column<int>(type: "integer", nullable: false),
                country_review_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                full_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                effective_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_known_nominations", x => x.nomination_id));

        migrationBuilder.CreateTable(
            name: "sent_notifications",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                kind = table.Column<int>(type: "integer", nullable: false),
                offset_days = table.Column<int>(type: "integer", nullable: false),
                country_review_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                deadline = table.Column<int>(type: "integer", nullable: false),
                due_date = table.Column<DateOnly>(type: "date", nullable: false),
                party = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                recipient_role = table.Column<int>(type: "integer", nullable: false),
                recipient_person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                to_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                to_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                cc_emails = table.Column<string[]>(type: "text[]", nullable: false),
                language = table.Column<int>(type: "integer", nullable: false),
                subject = table.Column<string>(type: "text", nullable: false),
                body = table.Column<string>(type: "text", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                email_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_sent_notifications", x => x.id));

        migrationBuilder.CreateIndex(name: "ix_country_reviews_group_phase", table: "country_reviews", columns: ["group_number", "phase"]);
        migrationBuilder.CreateIndex(name: "ix_country_reviews_party_codes", table: "country_reviews", column: "party_codes").Annotation("Npgsql:IndexMethod", "gin");
        migrationBuilder.CreateIndex(name: "ix_country_reviews_party_under_review", table: "country_reviews", column: "party_under_review");
        migrationBuilder.CreateIndex(name: "ix_draws_group_party", table: "draws", columns: ["group_number", "party_under_review"]);
        migrationBuilder.CreateIndex(name: "ix_known_nominations_party", table: "known_nominations", column: "party");
        migrationBuilder.CreateIndex(name: "ix_sent_notifications_recipient", table: "sent_notifications", columns: ["recipient_person_id", "created_at"]);
        migrationBuilder.CreateIndex(name: "ix_sent_notifications_review", table: "sent_notifications", column: "country_review_id");
        migrationBuilder.CreateIndex(name: "ux_sent_notifications_key", table: "sent_notifications", column: "key", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "sent_notifications");
        migrationBuilder.DropTable(name: "known_nominations");
        migrationBuilder.DropTable(name: "country_reviews");
        migrationBuilder.DropTable(name: "draws");
        migrationBuilder.DropTable(name: "review_groups");
        migrationBuilder.DropTable(name: "party_ratifications");
        migrationBuilder.DropTable(name: "parties");
    }
}
