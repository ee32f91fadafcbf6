using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reporting.Api.Application.Reports;
using Reporting.Api.Extensions;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reporting.Api.Pages.Dashboard;

/// <summary>The full dashboard for the secretariat after signing in (OpenID Connect, authorization code with PKCE).</summary>
[Authorize(Policy = DashboardAuthentication.SecretariatPolicy)]
public sealed class SecretariatModel(ProgressReports reports) : PageModel
{
    public ProgressReport Report { get; private set; } = new();

    public string AsOfText { get; private set; } = "";

    public string SignedInAs { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery] DateOnly? asOf, CancellationToken cancellationToken)
    {
        Report = await reports.GetAsync(asOf, null, full: true, cancellationToken);
        AsOfText = $"{Report.AsOf.Year:0000}-{Report.AsOf.Month:00}-{Report.AsOf.Day:00}";
        SignedInAs = User.FindFirst("name")?.Value ?? User.FindFirst(MechanismClaims.Subject)?.Value ?? "";
        return Page();
    }
}
