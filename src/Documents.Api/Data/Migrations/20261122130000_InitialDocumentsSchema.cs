using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Documents.Api.Data.Migrations;

/// <summary>The first schema of documentsdb, written by hand: the outbox and inbox tables.</summary>
[DbContext(typeof(DocumentsDbContext))]
[Migration("20261122130000_InitialDocumentsSchema")]
public sealed class InitialDocumentsSchema : OutboxAndInboxMigration;
