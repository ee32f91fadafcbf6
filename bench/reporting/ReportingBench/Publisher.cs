using MassTransit;
using Microsoft.Extensions.Configuration;

namespace ReportingBench;

/// <summary>A bus of its own (service name "bench") that publishes the other services' events, as their outbox relays would.</summary>
public sealed class Publisher : IAsyncDisposable
{
    private readonly IHost _host;

    private Publisher(IHost host) => _host = host;

    public IPublishEndpoint Bus => _host.Services.GetRequiredService<IPublishEndpoint>();

    public static async Task<Publisher> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = connectionString,
            ["Messaging:ServiceName"] = "bench",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddMessaging();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return new Publisher(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
