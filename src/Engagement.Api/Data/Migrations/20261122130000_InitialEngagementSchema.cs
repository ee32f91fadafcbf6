using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Engagement.Api.Data.Migrations;

/// <summary>The first schema of engagementdb, written by hand: the outbox and inbox tables.</summary>
[DbContext(typeof(EngagementDbContext))]
[Migration("20261122130000_InitialEngagementSchema")]
public sealed class InitialEngagementSchema : OutboxAndInboxMigration;
