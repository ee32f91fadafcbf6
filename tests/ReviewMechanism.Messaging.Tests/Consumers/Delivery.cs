using System.Diagnostics;
using ReviewMechanism.Events.V1;

namespace ReviewMechanism.Messaging.Tests.Consumers;

public sealed record Delivery(string Consumer, Guid MessageId, ActivityTraceId? TraceId, PersonNominated Message);
