using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ReviewMechanism.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from <c>ConnectionStrings:{connectionName}</c> (amqp URI), queues named after
    /// the service (<c>Messaging:ServiceName</c>, default from the application name: <c>Reviews.Api</c> ->
    /// <c>reviews</c>), retries and error queues from <c>Messaging</c> settings. Register consumers in
    /// <paramref name="configureBus"/>: <c>x =&gt; x.AddConsumer&lt;PersonNominatedConsumer&gt;()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureBus = null, string connectionName = "messaging")
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName} to an amqp:// URI.");
        }
        var section = builder.Configuration.GetSection("Messaging");
        var serviceName = ServiceNames.Messaging(builder);
        // The one rule for refused events: a DomainException (a rule of this service said no) is not retried but goes to
        // <queue>_error at once; a concurrency conflict and every other failure is retried first.
        builder.Services.TryAddSingleton<IEventRefusalRule>(new EventRefusalRule(e => e is DomainException { Kind: not DomainErrorKind.Conflict }));
        builder.Services.AddMessaging(
            o =>
            {
                section.Bind(o);
                o.ConnectionString = connectionString;
                o.ServiceName = serviceName;
            },
            configureBus);
        return builder;
    }

    /// <summary>
    /// <see cref="AddMessaging(IHostApplicationBuilder, Action{IBusRegistrationConfigurator}?, string)"/> plus the
    /// transactional outbox of <typeparamref name="TContext"/> (settings from <c>Messaging:Outbox</c>):
    /// inject <see cref="IIntegrationEventOutbox"/> and call <c>Add(evt)</c> before <c>SaveChanges</c>; and its inbox:
    /// consumers inject <see cref="IIntegrationEventInbox"/> and apply each event through it.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureBus = null, string connectionName = "messaging")
        where TContext : DbContext
    {
        builder.AddMessaging(configureBus, connectionName);
        var outbox = builder.Configuration.GetSection("Messaging:Outbox");
        builder.Services.AddIntegrationEventOutbox<TContext>(o => outbox.Bind(o));
        builder.Services.AddIntegrationEventInbox<TContext>();
        return builder;
    }
}
