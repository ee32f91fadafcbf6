using Google.Protobuf;
using MassTransit;
using Reporting.Api.Application.Caching;
using Reporting.Api.Data;
using ReviewMechanism.Messaging.Inbox;

namespace Reporting.Api.IntegrationEvents;

/// <summary>
/// Applies an event to the read models once (inbox row and rows written in one transaction, under the name
/// <c>reporting.{Message}</c>), beside other consumers but never during a rebuild (<see cref="ReadModelLock"/>),
/// then moves the report cache on.
/// </summary>
public sealed class ReadModelInbox(ReportingDbContext db, IReportCache cache)
{
    public async Task ApplyOnceAsync<TMessage>(ConsumeContext<TMessage> context, Func<TMessage, CancellationToken, Task> project)
        where TMessage : class, IMessage
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var applied = await db.ApplyOnceAsync(
            messageId,
            "reporting." + context.Message.Descriptor.Name,
            context.Message.Descriptor.FullName,
            async ct =>
            {
                await ReadModelLock.SharedAsync(db, ct);
                await project(context.Message, ct);
            },
            cancellationToken: context.CancellationToken);
        if (applied)
        {
            await cache.InvalidateAsync();
        }
    }
}
