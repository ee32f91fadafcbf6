using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Messaging.ErrorQueues;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Tests.Consumers;
using ReviewMechanism.Messaging.Tests.Data;

namespace ReviewMechanism.Messaging.Tests.Infrastructure;

/// <summary>One running instance of a service: its own host, DbContext, bus, outbox relay and consumers.</summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly IHost _host;

    private TestService(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DeliveryLog Deliveries => Services.GetRequiredService<DeliveryLog>();

    public PoisonSwitch Poison => Services.GetRequiredService<PoisonSwitch>();

    public IErrorQueues ErrorQueues => Services.GetRequiredService<IErrorQueues>();

    public static async Task<TestService> StartAsync(
        string serviceName,
        string databaseConnectionString,
        string messagingConnectionString,
        TestOutput output,
        Action<IBusRegistrationConfigurator>? consumers = null,
        bool waitForBroker = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new TestOutputLoggerProvider(output, $"[{serviceName}]"));
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddSingleton<PoisonSwitch>();
        builder.Services.AddDbContext<TestServiceContext>(o => o
            .UseNpgsql(databaseConnectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.Services.AddMessaging(
            o =>
            {
                o.ConnectionString = messagingConnectionString;
                o.ServiceName = serviceName;
                o.RetryLimit = 2;
                o.RetryMinInterval = TimeSpan.FromMilliseconds(50);
                o.RetryMaxInterval = TimeSpan.FromMilliseconds(200);
                o.RetryIntervalDelta = TimeSpan.FromMilliseconds(50);
            },
            consumers);
        builder.Services.AddIntegrationEventOutbox<TestServiceContext>(o =>
        {
            o.PollInterval = TimeSpan.FromSeconds(1);
            o.MinBackoff = TimeSpan.FromMilliseconds(200);
            o.MaxBackoff = TimeSpan.FromSeconds(2);
            o.PublishTimeout = TimeSpan.FromSeconds(3);
        });
        builder.Services.AddIntegrationEventInbox<TestServiceContext>();
        var host = builder.Build();
        await host.StartAsync();
        var service = new TestService(host);
        if (waitForBroker)
        {
            var bus = host.Services.GetRequiredService<IBusControl>();
            var health = await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
            Assert.Equal(BusHealthStatus.Healthy, health);
        }
        return service;
    }

    /// <summary>Runs work in a fresh scope with the service's DbContext and outbox (like one request).</summary>
    public async Task<T> InScopeAsync<T>(Func<TestServiceContext, IIntegrationEventOutbox, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestServiceContext>(), scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>());
    }

    public Task<T> QueryAsync<T>(Func<TestServiceContext, Task<T>> query) => InScopeAsync((db, _) => query(db));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
