using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReviewMechanism.Messaging.Data;

namespace Identity.Api.Data.Migrations;

/// <summary>The messaging library's tables: the inbox of the nomination events identity consumes (and an outbox).</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261122130000_EventInbox")]
public sealed class EventInbox : OutboxAndInboxMigration;
