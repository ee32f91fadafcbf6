using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Reporting.Api.Application.Compilation;
using Reporting.Api.Application.Exports;
using Reporting.Api.Application.Rebuild;
using Reporting.Api.Application.Records;
using Reporting.Api.Application.Reports;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reporting.Api.Grpc;

/// <summary>
/// reviewmechanism.reporting.v1.ReportingService: maps requests to the use cases and their answers back. Each RPC
/// declares its callers (reporting.proto's table); refusals and bad input are the use cases' DomainExceptions, mapped
/// by the service defaults' interceptor. Split by area: report and exports here, the compilation, the secretariat's
/// records and the read models in the other parts.
/// </summary>
public sealed partial class ReportingGrpcService(
    ProgressReports reports,
    ChartRenderer charts,
    Recommendations recommendations,
    SecretariatRecords records,
    ReadModelRebuild rebuild) : ReportingService.ReportingServiceBase
{
    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override Task<ProgressReport> GetProgressReport(GetProgressReportRequest request, ServerCallContext context) =>
        ReportAsync(request, full: true, context.CancellationToken);

    [AllowAnonymous]
    public override Task<ProgressReport> GetPublicProgressReport(GetProgressReportRequest request, ServerCallContext context) =>
        ReportAsync(request, full: false, context.CancellationToken);

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<ExportedFile> ExportTable(ExportTableRequest request, ServerCallContext context)
    {
        if (request.Table == ReportTable.Unspecified || !Enum.IsDefined(request.Table))
        {
            throw DomainException.Invalid("table", $"Name a table: {string.Join(", ", CsvTables.Tables)}.");
        }
        var report = await reports.GetAsync(request.AsOf.OptionalDay("as_of"), null, full: true, context.CancellationToken);
        return new ExportedFile
        {
            FileName = CsvTables.FileName(request.Table, report.AsOf),
            ContentType = "text/csv; charset=utf-8",
            Content = ByteString.CopyFrom(CsvTables.Render(request.Table, report), Encoding.UTF8),
        };
    }

    /// <summary>Figures hold aggregates only (drawn from the public subset), so anyone may render them.</summary>
    [AllowAnonymous]
    public override async Task<ExportedFile> RenderChart(RenderChartRequest request, ServerCallContext context)
    {
        if (request.Chart == ReportChart.Unspecified || !Enum.IsDefined(request.Chart))
        {
            throw DomainException.Invalid("chart", $"Name a figure: {string.Join(", ", ChartRenderer.Charts)}.");
        }
        var width = RequestValues.Pixels(request.Width, ChartRenderer.DefaultWidth, ChartRenderer.MaxSize, "width");
        var height = RequestValues.Pixels(request.Height, ChartRenderer.DefaultHeight, ChartRenderer.MaxSize, "height");
        var report = await reports.GetAsync(request.AsOf.OptionalDay("as_of"), null, full: false, context.CancellationToken);
        return new ExportedFile
        {
            FileName = ChartRenderer.FileName(request.Chart, report.AsOf),
            ContentType = "image/svg+xml",
            Content = ByteString.CopyFrom(charts.Render(request.Chart, report, width, height), Encoding.UTF8),
        };
    }

    private Task<ProgressReport> ReportAsync(GetProgressReportRequest request, bool full, CancellationToken cancellationToken) =>
        reports.GetAsync(request.AsOf.OptionalDay("as_of"), request.Since.OptionalDay("since"), full, cancellationToken);
}
