using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Reporting.Api.Data.Migrations;

/// <summary>The first schema of reportingdb, written by hand: the outbox and inbox tables.</summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("20261122130000_InitialReportingSchema")]
public sealed class InitialReportingSchema : OutboxAndInboxMigration;
