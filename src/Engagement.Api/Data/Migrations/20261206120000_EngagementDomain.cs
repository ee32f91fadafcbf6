using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Engagement.Api.Data.Migrations;

/// <summary>
/// Dialogues, applications, trainings, registrations and the mail queue, written by hand. Capacity and duplicates
/// are enforced by the database too: seat counters change only through conditional updates (never above the
/// capacity, checked again by a constraint), one counted application per organization and per contact address in a
/// dialogue (partial unique indexes), one application per idempotency key.
/// </summary>
[DbContext(typeof(EngagementDbContext))]
[Migration("20261206120000_EngagementDomain")]
public sealed class EngagementDomain : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE SEQUENCE application_arrivals START WITH 1 INCREMENT BY 1;

            CREATE TABLE dialogues (
                id uuid PRIMARY KEY,
                topic text NOT NULL,
                session text NOT NULL,
                title text NOT NULL,
                held_on date NOT NULL,
                venue text NOT NULL,
                in_person_capacity integer NOT NULL,
                online_capacity integer NOT NULL,
                approved_in_person integer NOT NULL DEFAULT 0,
                approved_online integer NOT NULL DEFAULT 0,
                last_day_to_apply date NOT NULL,
                time_zone text NOT NULL,
                applying_categories integer[] NOT NULL,
                attending_categories integer[] NOT NULL,
                automatic_approval boolean NOT NULL,
                chair_summary_url text NULL,
                chair_summary_next_session text NULL,
                chair_summary_next_dialogue_id uuid NULL,
                chair_summary_published_at timestamp with time zone NULL,
                idempotency_key text NULL,
                created_at timestamp with time zone NOT NULL,
                CONSTRAINT ck_dialogues_in_person_seats CHECK (approved_in_person BETWEEN 0 AND in_person_capacity),
                CONSTRAINT ck_dialogues_online_seats CHECK (approved_online BETWEEN 0 AND online_capacity)
            );
            CREATE UNIQUE INDEX ux_dialogues_idempotency_key ON dialogues (idempotency_key);

            CREATE TABLE dialogue_applications (
                id uuid PRIMARY KEY,
                reference text NOT NULL,
                dialogue_id uuid NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
                organization_name text NOT NULL,
                organization_category text NOT NULL,
                organization_country text NOT NULL,
                organization_website text NULL,
                grassroots_or_victim_led boolean NOT NULL,
                organization_key text NOT NULL,
                contact_name text NOT NULL,
                contact_email text NOT NULL,
                contact_email_key text NOT NULL,
                expertise text NOT NULL,
                requested_mode text NOT NULL,
                travel_support_requested boolean NOT NULL,
                language text NOT NULL,
                status text NOT NULL,
                expertise_assessment text NOT NULL,
                attendance text NOT NULL,
                submitted_at timestamp with time zone NOT NULL,
                verified_at timestamp with time zone NULL,
                decided_at timestamp with time zone NULL,
                decided_by text NULL,
                arrival_number bigint NULL,
                waitlist_number bigint NULL,
                verification_token_hash text NULL,
                verification_expires_at timestamp with time zone NULL,
                idempotency_key text NOT NULL,
                request_fingerprint text NOT NULL,
                submitted_by text NOT NULL
            );
            CREATE UNIQUE INDEX ux_applications_reference ON dialogue_applications (reference);
            CREATE UNIQUE INDEX ux_applications_idempotency_key ON dialogue_applications (idempotency_key);
            CREATE UNIQUE INDEX ux_applications_verification_token ON dialogue_applications (verification_token_hash);
            CREATE UNIQUE INDEX ux_applications_dialogue_organization ON dialogue_applications (dialogue_id, organization_key)
                WHERE status NOT IN ('PendingVerification', 'Withdrawn');
            CREATE UNIQUE INDEX ux_applications_dialogue_contact ON dialogue_applications (dialogue_id, contact_email_key)
                WHERE status NOT IN ('PendingVerification', 'Withdrawn');
            CREATE INDEX ix_applications_arrival ON dialogue_applications (dialogue_id, arrival_number);
            CREATE INDEX ix_applications_waitlist ON dialogue_applications (dialogue_id, requested_mode, waitlist_number)
                WHERE status = 'Waitlisted';

            CREATE TABLE trainings (
                id uuid PRIMARY KEY,
                kind text NOT NULL,
                title text NOT NULL,
                description text NOT NULL,
                languages text[] NOT NULL,
                starts_on date NOT NULL,
                ends_on date NOT NULL,
                workload_hours integer NOT NULL,
                last_day_to_register date NOT NULL,
                time_zone text NOT NULL,
                idempotency_key text NULL,
                created_at timestamp with time zone NOT NULL
            );
            CREATE UNIQUE INDEX ux_trainings_idempotency_key ON trainings (idempotency_key);

            CREATE TABLE training_registrations (
                id uuid PRIMARY KEY,
                training_id uuid NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
                full_name text NOT NULL,
                email text NOT NULL,
                email_key text NOT NULL,
                organization text NOT NULL,
                organization_category text NOT NULL,
                country text NOT NULL,
                language text NOT NULL,
                nominating_organization text NULL,
                status text NOT NULL,
                registered_at timestamp with time zone NOT NULL,
                completed_at timestamp with time zone NULL,
                idempotency_key text NOT NULL,
                submitted_by text NOT NULL
            );
            CREATE UNIQUE INDEX ux_training_registrations_idempotency_key ON training_registrations (idempotency_key);
            CREATE UNIQUE INDEX ux_training_registrations_training_email ON training_registrations (training_id, email_key)
                WHERE status <> 'Cancelled';

            CREATE TABLE mail_queue (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                to_address text NOT NULL,
                to_name text NULL,
                subject text NOT NULL,
                text_body text NOT NULL,
                created_at timestamp with time zone NOT NULL,
                sent_at timestamp with time zone NULL,
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamp with time zone NULL,
                last_error text NULL
            );
            CREATE INDEX ix_mail_queue_unsent ON mail_queue (id) WHERE sent_at IS NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE mail_queue;
            DROP TABLE training_registrations;
            DROP TABLE trainings;
            DROP TABLE dialogue_applications;
            DROP TABLE dialogues;
            DROP SEQUENCE application_arrivals;
            """);
    }
}
