using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Diagnostics;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Tests.Consumers;
using ReviewMechanism.Messaging.Tests.Data;
using ReviewMechanism.Messaging.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ReviewMechanism.Messaging.Tests;

public sealed class TraceContextTests : IClassFixture<ServersFixture>, IDisposable
{
    private const string RequestsName = "ReviewMechanism.Messaging.Tests.Requests";
    private static readonly ActivitySource Requests = new(RequestsName);
    private readonly ServersFixture _servers;
    private readonly ActivityListener _listener;

    public TraceContextTests(ServersFixture servers, ITestOutputHelper output)
    {
        _servers = servers;
        _servers.Output.Attach(output);
        // What OpenTelemetry does in a service: listen to the request, relay and MassTransit sources.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MessagingTelemetry.Name or MessagingTelemetry.MassTransitName or RequestsName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _servers.Output.Attach(null);
    }

    [Fact]
    public async Task TheConsumerRunsInTheTraceOfTheRequestThatStoredTheEvent()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await TestService.StartAsync(Names.Service("noms"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output);

        ActivityTraceId requestTrace;
        Guid messageId;
        using (var request = Requests.StartActivity("NominatePerson", ActivityKind.Server))
        {
            Assert.NotNull(request);
            requestTrace = request.TraceId;
            messageId = await publisher.InScopeAsync(async (db, outbox) =>
            {
                db.Nominations.Add(new Nomination { Id = "n-trace", Party = "JPN", FullName = "Traced" });
                var id = outbox.Add(SampleEvents.PersonNominated("JPN", "n-trace"));
                await db.SaveChangesAsync();
                return id;
            });
        }

        await Eventually.HoldsAsync(() => consumer.Deliveries.All.Count(d => d.MessageId == messageId) == 2, TimeSpan.FromSeconds(30), "both consumers");
        var row = await publisher.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId));
        Assert.StartsWith($"00-{requestTrace}-", row.TraceParent, StringComparison.Ordinal);
        Assert.All(consumer.Deliveries.All, d => Assert.Equal(requestTrace, d.TraceId));
    }

    [Fact]
    public async Task AnEventStoredOutsideAnyRequestStartsItsOwnTrace()
    {
        await using var consumer = await StartConsumerAsync();
        await using var publisher = await TestService.StartAsync(Names.Service("noms"), await _servers.CreateDatabaseAsync(), _servers.RabbitMq.ConnectionString, _servers.Output);
        Assert.Null(Activity.Current);

        var messageId = await publisher.InScopeAsync(async (db, outbox) =>
        {
            var id = outbox.Add(SampleEvents.PersonNominated("KEN", "n-untraced"));
            await db.SaveChangesAsync();
            return id;
        });

        await Eventually.HoldsAsync(() => consumer.Deliveries.All.Any(d => d.MessageId == messageId), TimeSpan.FromSeconds(30), "the event");
        var row = await publisher.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId));
        Assert.Null(row.TraceParent);
        Assert.All(consumer.Deliveries.All, d => Assert.NotNull(d.TraceId));
    }

    private async Task<TestService> StartConsumerAsync() =>
        await TestService.StartAsync(
            Names.Service("tally"),
            await _servers.CreateDatabaseAsync(),
            _servers.RabbitMq.ConnectionString,
            _servers.Output,
            x =>
            {
                x.AddConsumer<PartyTallyConsumer>();
                x.AddConsumer<DeliveryRecorder>();
            });
}
