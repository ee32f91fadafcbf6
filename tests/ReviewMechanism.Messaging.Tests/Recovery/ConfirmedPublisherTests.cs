using System.Diagnostics;
using MassTransit;
using ReviewMechanism.Messaging.Recovery;

namespace ReviewMechanism.Messaging.Tests.Recovery;

/// <summary>
/// The publisher of the outbox relay on MassTransit's in-memory transport: a publish that never ends and ignores its
/// token (what a broker restart did to MassTransit 8.5.12 here) must still end at the deadline and count as failed.
/// </summary>
public sealed class ConfirmedPublisherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task APublishThatIgnoresItsTokenEndsAtTheDeadlineAndCountsAsAFailedPublish()
    {
        await using var bus = await InMemoryBus.StartAsync();
        var neverEnds = new TaskCompletionSource();
        var elapsed = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => bus.Publisher.PublishAsync(
            new Ping(1), typeof(Ping), Pipe.ExecuteAsync<PublishContext>(_ => neverEnds.Task), Deadline, CancellationToken.None));

        Assert.InRange(elapsed.Elapsed, Deadline, TimeSpan.FromSeconds(20));
        Assert.Contains("did not confirm the Ping within 0.3 s", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(bus.Health.FailingSince);
    }

    [Fact]
    public async Task AConfirmedPublishEndsTheFailuresSeenBefore()
    {
        await using var bus = await InMemoryBus.StartAsync();
        bus.Health.Failed();

        await bus.Publisher.PublishAsync(new Ping(2), typeof(Ping), Pipe.Empty<PublishContext>(), Deadline * 10, CancellationToken.None);

        Assert.Null(bus.Health.FailingSince);
    }

    [Fact]
    public async Task ACancelledPublisherIsNotAFailedPublish()
    {
        await using var bus = await InMemoryBus.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bus.Publisher.PublishAsync(
            new Ping(3), typeof(Ping), Pipe.ExecuteAsync<PublishContext>(_ => new TaskCompletionSource().Task), Deadline, cancelled.Token));

        Assert.Null(bus.Health.FailingSince);
    }

    public sealed record Ping(int Number);

    private sealed class InMemoryBus(ServiceProvider services, IBusControl bus) : IAsyncDisposable
    {
        public ConfirmedPublisher Publisher => services.GetRequiredService<ConfirmedPublisher>();

        public PublishHealth Health => services.GetRequiredService<PublishHealth>();

        public static async Task<InMemoryBus> StartAsync()
        {
            var collection = new ServiceCollection();
            collection.AddSingleton(TimeProvider.System);
            collection.AddSingleton<PublishHealth>();
            collection.AddSingleton<ConfirmedPublisher>();
            collection.AddMassTransit(x => x.UsingInMemory((context, cfg) => cfg.ConnectPublishObserver(context.GetRequiredService<PublishHealth>())));
            var services = collection.BuildServiceProvider();
            var bus = services.GetRequiredService<IBusControl>();
            await bus.StartAsync();
            return new InMemoryBus(services, bus);
        }

        public async ValueTask DisposeAsync()
        {
            await bus.StopAsync();
            await services.DisposeAsync();
        }
    }
}
