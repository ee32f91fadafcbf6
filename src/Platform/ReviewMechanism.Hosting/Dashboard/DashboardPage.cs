using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting.Dashboard;

/// <summary>Renders the dashboard's HTML; every value from a resource is HTML-encoded.</summary>
internal static class DashboardPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d2733; background: #f6f8fa; }
        h1 { font-size: 1.3rem; margin: 0 0 .3rem 0; }
        .meta { color: #57606a; margin-bottom: 1rem; font-size: .9rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; vertical-align: top; text-align: left; font-size: .88rem; }
        th { background: #eaeef2; }
        .badge { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-size: .8rem; color: #fff; }
        .Running { background: #1a7f37; } .Waiting, .Starting, .NotStarted { background: #9a6700; }
        .Restarting, .Exited, .FailedToStart { background: #cf222e; } .Stopping, .Stopped { background: #57606a; }
        .Healthy { color: #1a7f37; font-weight: 600; } .Unhealthy { color: #cf222e; font-weight: 600; } .Unknown { color: #57606a; }
        pre { margin: 0; font-size: .75rem; white-space: pre-wrap; word-break: break-all; max-width: 60rem; }
        a { color: #0969da; }
        """;

    public static string ApplicationName(DistributedApplication application) =>
        (application.Options.AppHostAssembly ?? Assembly.GetEntryAssembly())?.GetName().Name ?? "AppHost";

    public static string Render(DistributedApplication application)
    {
        var snapshots = application.GetSnapshots(recentLogLines: 6);
        var healthy = snapshots.Count(s => s.IsHealthy);
        var html = new StringBuilder();
        Begin(html, ApplicationName(application), refreshSeconds: 2);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">{healthy} of {snapshots.Count} healthy · up {application.Uptime.TotalSeconds:0} s · data folder {E(application.DataDirectory)}</div>");
        html.Append("<table><thead><tr><th>Resource</th><th>Type</th><th>State</th><th>Health</th><th>Endpoints</th><th>Restarts</th><th>Pid</th><th>Waits for</th><th>Recent log lines</th></tr></thead><tbody>");
        foreach (var s in snapshots)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{E(s.Name)}\"><td><a href=\"/resources/{E(s.Resource)}\">{E(s.Name)}</a></td><td>{E(s.Type)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><span class=\"badge {E(s.State)}\">{E(s.State)}</span>{(s.Error is null ? "" : "<br><small>" + E(s.Error) + "</small>")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"{s.Health}\">{s.Health}</td><td>{Endpoints(s)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"restarts\">{s.RestartCount}{(s.RestartDelaySeconds > 0 && s.State == KnownResourceStates.Restarting ? $" (next in {s.RestartDelaySeconds:0.#} s)" : "")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{s.Pid}</td><td>{E(string.Join(", ", s.WaitsFor))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><pre>{E(string.Join('\n', s.RecentLogs))}</pre></td></tr>");
        }
        html.Append("</tbody></table>");
        html.Append("<p class=\"meta\">JSON: <a href=\"/api/resources\">/api/resources</a></p></body></html>");
        return html.ToString();
    }

    public static string RenderResource(DistributedApplication application, string name)
    {
        var html = new StringBuilder();
        Begin(html, $"{name} · {ApplicationName(application)}", refreshSeconds: 3);
        html.Append("<p><a href=\"/\">All resources</a></p>");
        foreach (var s in application.GetSnapshots(recentLogLines: application.Options.LogLinesKept).Where(s => s.Resource == name))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(s.Name)} <span class=\"badge {E(s.State)}\">{E(s.State)}</span> <span class=\"{s.Health}\">{s.Health}</span></h2>");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">restarts {s.RestartCount} · pid {s.Pid} · exit code {s.ExitCode} · started {E(s.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-")} · healthy since {E(s.HealthyAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-")}</div>");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">{Endpoints(s)}</div>");
            html.Append(CultureInfo.InvariantCulture, $"<pre>{E(string.Join('\n', s.RecentLogs))}</pre>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Begin(StringBuilder html, string title, int refreshSeconds)
    {
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"{refreshSeconds}\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title><style>{Style}</style></head><body><h1>{E(title)}</h1>");
    }

    private static string Endpoints(ResourceSnapshot snapshot) => string.Join("<br>", snapshot.Endpoints.Select(e =>
        e.Key == "http"
            ? $"{E(e.Key)}: <a href=\"{E(e.Value)}\">{E(e.Value)}</a>"
            : $"{E(e.Key)}: {E(e.Value)}"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
