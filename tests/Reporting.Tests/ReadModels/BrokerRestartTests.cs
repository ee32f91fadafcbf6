using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Api.Application.Reports;
using Reporting.Api.Data;
using Reporting.Tests.Support;
using ReviewMechanism.LocalServers;

namespace Reporting.Tests.ReadModels;

/// <summary>
/// The October 2023 data set arrives as the Reviews and Nominations services' integration events over a real
/// RabbitMQ, which is stopped and started again halfway through: the consumers reconnect, nothing is lost or counted
/// twice, and the report gives the slides' figures.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BrokerRestartTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2023, 10, 5, 18, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"reporting-rmq-{Guid.NewGuid():N}");
    private RabbitMqServer _rabbit = null!;

    public async Task InitializeAsync() => _rabbit = await RabbitMqServer.StartAsync(new ServerOptions(_folder));

    public async Task DisposeAsync()
    {
        await _rabbit.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping node: the folder is under /tmp.
        }
    }

    [Fact]
    public async Task EventsSentAcrossARabbitMqRestartGiveTheSlidesFiguresOnce()
    {
        await using var reporting = await DashboardServer.StartAsync(servers, Now, new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = _rabbit.ConnectionString,
        });
        await reporting.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(120));
        await using var sources = await EventSource.StartAsync(_rabbit.ConnectionString);
        var events = EventSource.Events(new October2023());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));   // publishing only

        await sources.PublishAsync(events.Take(events.Count / 2), timeout.Token);
        await _rabbit.StopAsync();
        var rest = sources.PublishAsync(events.Skip(events.Count / 2), timeout.Token);   // waits for the broker
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _rabbit.StartProcessAsync();
        await rest;

        // On a loaded machine the consumers may be slow; a lost event shows as a count that stops growing.
        long applied;
        var last = -1L;
        var sinceLastChange = Stopwatch.StartNew();
        while ((applied = await InboxCountAsync(reporting.Services)) < events.Count && sinceLastChange.Elapsed < StallLimit)
        {
            if (applied != last)
            {
                last = applied;
                sinceLastChange.Restart();
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        Assert.True(applied == events.Count, $"{applied} of {events.Count} events applied, none more for {StallLimit.TotalMinutes} minutes");
        await using var scope = reporting.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ProgressReports>().GetAsync(October2023.ReportDate, null, full: true, CancellationToken.None);
        October2023Figures.Assert(report);
    }

    private static async Task<long> InboxCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        return await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM inbox_messages").SingleAsync();
    }
}
