using Microsoft.Extensions.Configuration;
using Reporting.Api.Extensions;

namespace ReportingBench;

/// <summary>The Reporting service as its Program.cs builds it, in this process, on a free port.</summary>
public sealed class ReportingApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReportingApp(WebApplication app) => _app = app;

    public static async Task<ReportingApp> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(ReportingServiceExtensions).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddReportingService();
        builder.AddReportingDashboard();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapReportingEndpoints();
        await app.StartAsync();
        return new ReportingApp(app);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
