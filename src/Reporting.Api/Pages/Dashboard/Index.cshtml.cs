using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reporting.Api.Application.Reports;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Pages.Dashboard;

/// <summary>The public dashboard: the aggregate figures and charts, without login.</summary>
[AllowAnonymous]
public sealed class IndexModel(ProgressReports reports) : PageModel
{
    public ProgressReport Report { get; private set; } = new();

    public string AsOfText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery] DateOnly? asOf, CancellationToken cancellationToken)
    {
        Report = await reports.GetAsync(asOf, null, full: false, cancellationToken);
        AsOfText = $"{Report.AsOf.Year:0000}-{Report.AsOf.Month:00}-{Report.AsOf.Day:00}";
        return Page();
    }
}
