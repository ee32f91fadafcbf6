using System.Text;
using Microsoft.AspNetCore.HttpOverrides;
using Reporting.Api.Application.Compilation;
using Reporting.Api.Application.Exports;
using Reporting.Api.Application.Reports;

namespace Reporting.Api.Extensions;

/// <summary>
/// The dashboard's HTTP side (through the gateway under <c>/reporting</c>): the pages, the figures as SVG (public),
/// the tables as CSV (secretariat), the compilation as Markdown (public), sign-out.
/// </summary>
public static class ReportingEndpoints
{
    public static WebApplication MapReportingEndpoints(this WebApplication app)
    {
        // Behind the gateway: the scheme and host the browser used (for OpenID Connect's redirect address).
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        app.UseForwardedHeaders(forwarded);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/reporting/charts/{chart}.svg", async (string chart, DateOnly? asOf, int? width, int? height, ProgressReports reports, ChartRenderer renderer, CancellationToken ct) =>
        {
            if (ChartRenderer.FromSlug(chart) is not { } figure)
            {
                return Results.NotFound($"No figure named {chart}.");
            }
            if (Size(width, ChartRenderer.DefaultWidth) is not { } w || Size(height, ChartRenderer.DefaultHeight) is not { } h)
            {
                return Results.BadRequest($"Width and height must be between 100 and {ChartRenderer.MaxSize} pixels.");
            }
            var report = await reports.GetAsync(asOf, null, full: false, ct);
            return Results.Text(renderer.Render(figure, report, w, h), "image/svg+xml", Encoding.UTF8);
        }).AllowAnonymous();
        app.MapGet("/reporting/exports/{table}.csv", async (string table, DateOnly? asOf, ProgressReports reports, CancellationToken ct) =>
        {
            if (CsvTables.FromSlug(table) is not { } which)
            {
                return Results.NotFound($"No table named {table}.");
            }
            var report = await reports.GetAsync(asOf, null, full: true, ct);
            return Results.File(Encoding.UTF8.GetBytes(CsvTables.Render(which, report)), "text/csv; charset=utf-8", CsvTables.FileName(which, report.AsOf));
        }).RequireAuthorization(DashboardAuthentication.SecretariatPolicy);
        app.MapGet("/reporting/recommendations.md", async (Recommendations recommendations, CancellationToken ct) =>
        {
            var compilation = await recommendations.GetCompilationAsync(ct);
            return Results.File(Encoding.UTF8.GetBytes(compilation.Markdown), "text/markdown; charset=utf-8", $"compilation-of-recommendations-r{compilation.Revision}.md");
        }).AllowAnonymous();
        app.MapGet("/reporting/signout", DashboardAuthentication.SignOutAsync).AllowAnonymous();
        app.MapGet("/reporting/denied", () => Results.Text("This page is for the secretariat.", statusCode: StatusCodes.Status403Forbidden)).AllowAnonymous();
        return app;
    }

    private static int? Size(int? requested, int fallback) => requested switch
    {
        null or 0 => fallback,
        < 100 or > ChartRenderer.MaxSize => null,
        _ => requested.Value,
    };
}
