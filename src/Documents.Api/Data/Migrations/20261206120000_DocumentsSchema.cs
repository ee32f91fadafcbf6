using Documents.Api.Data.EntityConfigurations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

namespace Documents.Api.Data.Migrations;

/// <summary>
/// Documents, their immutable versions and workflow steps, stored files, published texts with their search vector,
/// and the read model of reviews and nominations. Written by hand; a test checks it builds the model's schema.
/// </summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261206120000_DocumentsSchema")]
public sealed class DocumentsSchema : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("documents", t => new
        {
            id = t.Column<Guid>("uuid"),
            country_review_id = t.Column<string>("character varying(64)", maxLength: 64),
            kind = t.Column<int>("integer"),
            party = t.Column<string>("character varying(3)", maxLength: 3),
            party_under_review = t.Column<string>("character varying(3)", maxLength: 3),
            cluster = t.Column<int>("integer"),
            phase = t.Column<int>("integer"),
            language = t.Column<string>("character varying(2)", maxLength: 2),
            original_document_id = t.Column<Guid>("uuid", nullable: true),
            responds_to_document_id = t.Column<Guid>("uuid", nullable: true),
            request_id = t.Column<string>("character varying(64)", maxLength: 64),
            status = t.Column<int>("integer"),
            revision = t.Column<long>("bigint"),
            latest_version = t.Column<int>("integer"),
            transmitted_version = t.Column<int>("integer"),
            published_version = t.Column<int>("integer"),
            published_at = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
            published_by = t.Column<string>("character varying(100)", maxLength: 100),
            shared_with_other_parties = t.Column<bool>("boolean"),
            created_by = t.Column<string>("character varying(100)", maxLength: 100),
            created_at = t.Column<DateTimeOffset>("timestamp with time zone"),
            updated_at = t.Column<DateTimeOffset>("timestamp with time zone"),
        }, constraints: t => t.PrimaryKey("PK_documents", x => x.id));
        m.CreateIndex("ix_documents_country_review_id", "documents", "country_review_id");
        m.CreateIndex("ux_documents_request", "documents", ["created_by", "request_id"], unique: true, filter: "request_id <> ''");
        m.CreateIndex("ix_documents_original_document_id", "documents", "original_document_id");

        m.CreateTable("document_versions", t => new
        {
            document_id = t.Column<Guid>("uuid"),
            number = t.Column<int>("integer"),
            content = t.Column<string>("jsonb"),
            author = t.Column<string>("character varying(100)", maxLength: 100),
            change_note = t.Column<string>("character varying(1000)", maxLength: 1000),
            created_at = t.Column<DateTimeOffset>("timestamp with time zone"),
            content_sha256 = t.Column<string>("character varying(64)", maxLength: 64),
            articles_done = t.Column<int>("integer"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_document_versions", x => new { x.document_id, x.number });
            t.ForeignKey("FK_document_versions_documents_document_id", x => x.document_id, "documents", "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("document_steps", t => new
        {
            document_id = t.Column<Guid>("uuid"),
            sequence = t.Column<int>("integer"),
            from_status = t.Column<int>("integer"),
            to_status = t.Column<int>("integer"),
            version = t.Column<int>("integer"),
            by = t.Column<string>("character varying(100)", maxLength: 100),
            comment = t.Column<string>("character varying(10000)", maxLength: 10000),
            at = t.Column<DateTimeOffset>("timestamp with time zone"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_document_steps", x => new { x.document_id, x.sequence });
            t.ForeignKey("FK_document_steps_documents_document_id", x => x.document_id, "documents", "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("files", t => new
        {
            id = t.Column<Guid>("uuid"),
            document_id = t.Column<Guid>("uuid"),
            file_name = t.Column<string>("character varying(200)", maxLength: 200),
            media_type = t.Column<string>("character varying(100)", maxLength: 100),
            size = t.Column<long>("bigint"),
            sha256 = t.Column<string>("character varying(64)", maxLength: 64),
            category = t.Column<int>("integer"),
            uploaded_by = t.Column<string>("character varying(100)", maxLength: 100),
            uploaded_at = t.Column<DateTimeOffset>("timestamp with time zone"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_files", x => x.id);
            t.ForeignKey("FK_files_documents_document_id", x => x.document_id, "documents", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_files_document_id", "files", "document_id");
        m.CreateIndex("ix_files_sha256", "files", "sha256");

        m.CreateTable("published_texts", t => new
        {
            document_id = t.Column<Guid>("uuid"),
            country_review_id = t.Column<string>("character varying(64)", maxLength: 64),
            party = t.Column<string>("character varying(3)", maxLength: 3),
            language = t.Column<string>("character varying(2)", maxLength: 2),
            version = t.Column<int>("integer"),
            title = t.Column<string>("text"),
            text = t.Column<string>("text"),
            published_at = t.Column<DateTimeOffset>("timestamp with time zone"),
            search_vector = t.Column<NpgsqlTsVector>("tsvector", nullable: true, computedColumnSql: PublishedTextConfiguration.SearchVectorSql, stored: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_published_texts", x => x.document_id);
            t.ForeignKey("FK_published_texts_documents_document_id", x => x.document_id, "documents", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_published_texts_search_vector", "published_texts", "search_vector").Annotation("Npgsql:IndexMethod", "gin");
        m.CreateIndex("ix_published_texts_party", "published_texts", "party");

        m.CreateTable("reviews", t => new
        {
            id = t.Column<string>("character varying(64)", maxLength: 64),
            party_under_review = t.Column<string>("character varying(3)", maxLength: 3),
            reviewers = t.Column<string[]>("text[]"),
            group_number = t.Column<int>("integer"),
            phase = t.Column<int>("integer"),
            cluster = t.Column<int>("integer"),
            stage = t.Column<string>("character varying(64)", maxLength: 64),
            updated_at = t.Column<DateTimeOffset>("timestamp with time zone"),
        }, constraints: t => t.PrimaryKey("PK_reviews", x => x.id));

        m.CreateTable("nominations", t => new
        {
            nomination_id = t.Column<string>("character varying(100)", maxLength: 100),
            person_id = t.Column<string>("character varying(100)", maxLength: 100),
            party = t.Column<string>("character varying(3)", maxLength: 3),
            role = t.Column<int>("integer"),
            scope = t.Column<int>("integer"),
            scope_review_id = t.Column<string>("character varying(64)", maxLength: 64),
            effective_from = t.Column<DateTimeOffset>("timestamp with time zone"),
            ended_at = t.Column<DateTimeOffset>("timestamp with time zone", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_nominations", x => x.nomination_id));
        m.CreateIndex("ix_nominations_person_id", "nominations", "person_id");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "nominations", "reviews", "published_texts", "files", "document_steps", "document_versions", "documents" })
        {
            m.DropTable(table);
        }
    }
}
