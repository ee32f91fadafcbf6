using System.Collections;

namespace ReviewMechanism.Hosting.EchoService.Extensions;

/// <summary>
/// <c>/health</c>: 503 for <c>Echo:UnhealthyForSeconds</c> after start, then 200.
/// <c>/env</c>: the process's environment, start time and the request's protocol, as JSON.
/// <c>Echo:Banner</c> is printed at start (the dashboard must show it encoded).
/// </summary>
public static class EchoEndpoints
{
    public static WebApplication MapEchoEndpoints(this WebApplication app)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var unhealthyFor = TimeSpan.FromSeconds(app.Configuration.GetValue("Echo:UnhealthyForSeconds", 0.0));
        if (app.Configuration["Echo:Banner"] is { } banner)
        {
            Console.WriteLine(banner);
        }
        app.MapGet("/health", () => DateTimeOffset.UtcNow - startedAt < unhealthyFor
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Text("Healthy"));
        app.MapGet("/env", (HttpContext context) => Results.Json(new
        {
            startedAt,
            protocol = context.Request.Protocol,
            pid = Environment.ProcessId,
            environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value),
        }));
        return app;
    }
}
