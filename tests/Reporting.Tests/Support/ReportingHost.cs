using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Reporting.Api.Extensions;

namespace Reporting.Tests.Support;

/// <summary>
/// The Reporting service's application (its real wiring: <c>AddReportingService</c>) on a fresh database and a
/// fresh cache prefix, started (migrations, compilation seed), without a broker: tests apply facts through the
/// projections and the inbox directly.
/// </summary>
public sealed class ReportingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ReportingHost(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)_host.Services.GetRequiredService<TimeProvider>();

    public static async Task<ReportingHost> StartAsync(ServersFixture servers, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var connectionString = await servers.NewDatabaseAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", ApplicationName = "Reporting.Api" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ReportingServiceExtensions.DatabaseResource] = connectionString,
            ["ConnectionStrings:redis"] = servers.Redis.ConnectionString,
            ["Reporting:Cache:KeyPrefix"] = "test-" + Guid.NewGuid().ToString("N"),
            // Warnings and up in the test log: at Information every SQL command of the read models is logged.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        builder.AddReportingService();
        var host = builder.Build();
        await host.StartAsync();
        return new ReportingHost(host, connectionString);
    }

    /// <summary>Runs <paramref name="action"/> with services of a new scope (as one request or one consumed event would).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) => InScopeAsync(async sp =>
    {
        await action(sp);
        return true;
    });

    /// <summary>Writes facts as a consumer would: one transaction, under the read-model lock.</summary>
    public Task ApplyAsync(Func<IServiceProvider, CancellationToken, Task> write) => Facts.WriteAsync(_host.Services, write);

    public IServiceProvider Services => _host.Services;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
