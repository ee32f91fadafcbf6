using Engagement.Api.Application;
using Engagement.Api.Pages.Web;
using Microsoft.AspNetCore.Mvc;

namespace Engagement.Api.Pages.Status;

/// <summary>The applicant opens an application with its reference and the verified address (rate-limited per client).</summary>
public sealed class IndexModel(ApplicationUseCases applications, ManageAccess access, WebRateLimiter limiter, UiText text) : FormPage(text)
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!await limiter.TryAcquireAsync("status", ClientAddress))
        {
            ModelState.AddModelError(GeneralError, Text["TooMany"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var application = await applications.FindForApplicantAsync(Reference ?? "", Email ?? "", ct);
        if (application is null || application.Status == Domain.Applications.ApplicationStatus.PendingVerification)
        {
            ModelState.AddModelError(GeneralError, Text["NotFound"]);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        access.Grant(Response, application.Id);
        return Redirect($"{Request.PathBase}/status/manage");
    }
}
