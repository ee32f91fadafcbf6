using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Reporting.Api.Data.Migrations;

/// <summary>The first schema of reportingdb, written by hand: read models, the service's own records, outbox and inbox.</summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("20261206120000_ReportingReadModels")]
public sealed class ReportingReadModels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE rm_reviews (
                id text PRIMARY KEY,
                party_under_review text NOT NULL,
                group_number integer NOT NULL,
                phase integer NOT NULL,
                cluster integer NOT NULL,
                start_date date NOT NULL,
                opened_at timestamptz NOT NULL);
            CREATE INDEX ix_rm_reviews_group_phase ON rm_reviews (group_number, phase);

            CREATE TABLE rm_review_parties (
                review_id text NOT NULL,
                changed_at timestamptz NOT NULL,
                parties text[] NOT NULL,
                roles text[] NOT NULL,
                PRIMARY KEY (review_id, changed_at));

            CREATE TABLE rm_stage_changes (
                review_id text NOT NULL,
                changed_at timestamptz NOT NULL,
                to_stage integer NOT NULL,
                from_stage integer NOT NULL,
                PRIMARY KEY (review_id, changed_at, to_stage));

            CREATE TABLE rm_review_languages (
                review_id text PRIMARY KEY,
                languages text[] NOT NULL,
                exceptional boolean NOT NULL,
                agreed_at timestamptz NOT NULL);

            CREATE TABLE rm_nominations (
                nomination_id text PRIMARY KEY,
                known boolean NOT NULL,
                party text NOT NULL,
                role text NOT NULL,
                scope_kind integer NOT NULL,
                scope_review_id text NULL,
                person_id text NOT NULL,
                gender text NOT NULL,
                effective_from timestamptz NULL,
                ended_at timestamptz NULL,
                end_kind text NULL);
            CREATE INDEX ix_rm_nominations_role ON rm_nominations (role, effective_from) INCLUDE (gender, ended_at, party, person_id);

            CREATE TABLE rm_focal_point_changes (
                predecessor_nomination_id text PRIMARY KEY,
                successor_nomination_id text NOT NULL,
                party text NOT NULL,
                effective_from timestamptz NOT NULL);

            CREATE TABLE rm_document_events (
                key text PRIMARY KEY,
                kind text NOT NULL,
                review_id text NOT NULL,
                party text NOT NULL,
                occurred_at timestamptz NOT NULL,
                language text NOT NULL,
                technical_assistance_needs integer NOT NULL);
            CREATE INDEX ix_rm_document_events_kind ON rm_document_events (kind, occurred_at) INCLUDE (review_id, technical_assistance_needs);

            CREATE TABLE rm_dialogue_applications (
                application_id text PRIMARY KEY,
                dialogue_id text NOT NULL,
                topic text NOT NULL,
                session text NOT NULL,
                held_on date NULL,
                organization text NOT NULL,
                category text NOT NULL,
                country text NOT NULL,
                submitted_at timestamptz NULL,
                outcome text NULL,
                decided_at timestamptz NULL,
                withdrawn_at timestamptz NULL,
                attendance text NULL,
                attendance_at timestamptz NULL);

            CREATE TABLE rm_training_registrations (
                registration_id text PRIMARY KEY,
                training_id text NOT NULL,
                course text NOT NULL,
                kind text NOT NULL,
                country text NOT NULL,
                organization text NOT NULL,
                category text NOT NULL,
                registered_at timestamptz NULL,
                cancelled_at timestamptz NULL,
                completed_at timestamptz NULL);

            CREATE TABLE recommendations (
                id uuid PRIMARY KEY,
                kind text NOT NULL,
                body text NOT NULL,
                year integer NOT NULL,
                document_symbol text NOT NULL,
                number text NOT NULL,
                text text NOT NULL,
                topics text[] NOT NULL,
                sequence bigint GENERATED ALWAYS AS IDENTITY,
                added_at timestamptz NOT NULL,
                added_by text NOT NULL,
                search tsvector GENERATED ALWAYS AS (to_tsvector('english', body || ' ' || text)) STORED);
            CREATE UNIQUE INDEX ix_recommendations_kind_document_symbol_body_number ON recommendations (kind, document_symbol, body, number);
            CREATE INDEX ix_recommendations_search ON recommendations USING gin (search);
            CREATE INDEX ix_recommendations_topics ON recommendations USING gin (topics);

            CREATE TABLE compilation_revisions (
                revision integer PRIMARY KEY,
                generated_at timestamptz NOT NULL,
                entries integer NOT NULL,
                markdown text NOT NULL,
                html text NOT NULL);

            CREATE TABLE briefings (
                id uuid PRIMARY KEY,
                held_on date NOT NULL,
                title text NOT NULL,
                languages text[] NOT NULL,
                countries text[] NOT NULL,
                officials integer NOT NULL,
                recorded_by text NOT NULL,
                recorded_at timestamptz NOT NULL);

            CREATE TABLE survey_responses (
                party text PRIMARY KEY,
                received_on date NOT NULL,
                needs text[] NOT NULL,
                recorded_by text NOT NULL,
                recorded_at timestamptz NOT NULL);

            CREATE TABLE rebuilds (
                id uuid PRIMARY KEY,
                started_at timestamptz NOT NULL,
                finished_at timestamptz NOT NULL,
                requested_by text NOT NULL,
                reviews integer NOT NULL,
                stage_changes integer NOT NULL,
                nominations integer NOT NULL);
            """);
        migrationBuilder.CreateOutboxAndInboxTables();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropOutboxAndInboxTables();
        migrationBuilder.Sql("""
            DROP TABLE rebuilds; DROP TABLE survey_responses; DROP TABLE briefings; DROP TABLE compilation_revisions;
            DROP TABLE recommendations; DROP TABLE rm_training_registrations; DROP TABLE rm_dialogue_applications;
            DROP TABLE rm_document_events; DROP TABLE rm_focal_point_changes; DROP TABLE rm_nominations;
            DROP TABLE rm_review_languages; DROP TABLE rm_stage_changes; DROP TABLE rm_review_parties; DROP TABLE rm_reviews;
            """);
    }
}
