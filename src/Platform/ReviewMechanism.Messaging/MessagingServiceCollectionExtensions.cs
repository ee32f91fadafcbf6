using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewMechanism.Messaging.Configuration;
using ReviewMechanism.Messaging.ErrorQueues;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Recovery;
using ReviewMechanism.Messaging.Serialization;

namespace ReviewMechanism.Messaging;

/// <summary>Registers MassTransit over RabbitMQ, the outbox relay and the error-queue API.</summary>
public static partial class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit 8 over RabbitMQ with publisher confirms, protobuf messages in JSON, queues named per
    /// service (<see cref="ServiceEndpointNameFormatter"/>), in-memory retries before <c>&lt;queue&gt;_error</c> (none for a refusal: <see cref="IEventRefusalRule"/>),
    /// <see cref="IErrorQueues"/>, and <see cref="BusRecovery"/> (a restart when the bus stays stuck after the broker came back). Register the service's consumers in <paramref name="configureBus"/>
    /// (<c>x.AddConsumer&lt;PersonNominatedConsumer&gt;()</c>).
    /// </summary>
    public static IServiceCollection AddMessaging(
        this IServiceCollection services,
        Action<MessagingOptions> configureOptions,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        var probe = new MessagingOptions();
        configureOptions(probe);
        var serviceName = ValidateServiceName(probe.ServiceName);
        services.AddOptions<MessagingOptions>().Configure(configureOptions).Validate(
            o => Uri.TryCreate(o.ConnectionString, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps",
            "Messaging:ConnectionString (ConnectionStrings:messaging) must be an amqp:// URI.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReceiveQueueRegistry>();
        services.TryAddSingleton<IEventRefusalRule>(new EventRefusalRule());
        services.TryAddSingleton<IErrorQueues, RabbitMqErrorQueues>();
        services.TryAddSingleton<PublishHealth>();
        services.TryAddSingleton<ConfirmedPublisher>();
        services.TryAddSingleton<IBrokerProbe, RabbitMqBrokerProbe>();
        services.TryAddSingleton<BusRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<BusRecovery>());
        services.AddHealthChecks().AddCheck<BusRecoveryHealthCheck>(BusRecoveryHealthCheck.Name, tags: ["live"]);   // a stuck bus needs a new process
        var formatter = new ServiceEndpointNameFormatter(serviceName);
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(formatter);
            configureBus?.Invoke(x);
            x.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                context.GetRequiredService<ReceiveQueueRegistry>().Add(name);
                var refusals = context.GetRequiredService<IEventRefusalRule>();
                endpoint.UseMessageRetry(r =>
                {
                    r.Exponential(settings.RetryLimit, settings.RetryMinInterval, settings.RetryMaxInterval, settings.RetryIntervalDelta);
                    r.Ignore<Exception>(refusals.IsRefusal);
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.PrefetchCount = settings.PrefetchCount;
                }
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                var address = AmqpAddress.Parse(settings.ConnectionString);
                cfg.Host(address.Host, (ushort)address.Port, address.VirtualHost, $"{serviceName}-bus", h =>
                {
                    h.Username(address.UserName);
                    h.Password(address.Password);
                    h.PublisherConfirmation = true;
                    if (address.UseTls)
                    {
                        h.UseSsl(s => s.ServerName = address.Host);
                    }
                });
                cfg.ConfigureJsonSerializerOptions(json =>
                {
                    if (!json.Converters.Any(c => c is ProtobufJsonConverterFactory))
                    {
                        json.Converters.Insert(0, new ProtobufJsonConverterFactory());
                    }
                    return json;
                });
                cfg.ConnectPublishObserver(context.GetRequiredService<PublishHealth>());
                cfg.Publish<Google.Protobuf.IMessage>(p => p.Exclude = true);
                cfg.Publish<Google.Protobuf.IBufferMessage>(p => p.Exclude = true);
                cfg.ConfigureEndpoints(context, formatter);
            });
        });
        return services;
    }

    /// <summary>
    /// The transactional outbox of <typeparamref name="TContext"/> (whose model calls
    /// <c>modelBuilder.AddOutboxAndInbox()</c>): <see cref="IIntegrationEventOutbox"/> (scoped) and the
    /// relay that publishes stored events after commit. Requires <see cref="AddMessaging"/>.
    /// </summary>
    public static IServiceCollection AddIntegrationEventOutbox<TContext>(this IServiceCollection services, Action<OutboxOptions>? configure = null)
        where TContext : DbContext
    {
        services.AddOptions<OutboxOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal<TContext>>();
        services.TryAddSingleton<OutboxWakeInterceptor<TContext>>();
        services.TryAddScoped<IIntegrationEventOutbox, IntegrationEventOutbox<TContext>>();
        services.ConfigureDbContext<TContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxWakeInterceptor<TContext>>()));
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }

    /// <summary>
    /// The inbox of <typeparamref name="TContext"/>: <see cref="IIntegrationEventInbox"/> (scoped), through which every
    /// consumer applies its events. Add <see cref="IInboxInterceptor"/>s to run steps around each event.
    /// </summary>
    public static IServiceCollection AddIntegrationEventInbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventRefusalRule>(new EventRefusalRule());
        services.TryAddScoped<IIntegrationEventInbox, IntegrationEventInbox<TContext>>();
        return services;
    }

    /// <summary>Lower-case letters, digits and dashes: the service name becomes part of queue names.</summary>
    public static string ValidateServiceName(string serviceName)
    {
        if (string.IsNullOrWhiteSpace(serviceName) || !ServiceNamePattern().IsMatch(serviceName))
        {
            throw new InvalidOperationException(
                $"Messaging needs a service name of lower-case letters, digits and dashes (it prefixes queue names); got '{serviceName}'.");
        }
        return serviceName;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex ServiceNamePattern();
}
