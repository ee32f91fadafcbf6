using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Pages.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Pages;

/// <summary>
/// The link from the mail. Opening it shows a button (a mail scanner following links confirms nothing); pressing it
/// counts the application and opens its status page.
/// </summary>
public sealed class VerifyModel(ApplicationUseCases applications, ManageAccess access, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Refusal { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            Refusal = text["LinkInvalid"];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            DialogueApplication application = await applications.VerifyAsync(Token ?? "", ct);
            access.Grant(Response, application.Id);
            return Redirect($"{Request.PathBase}/status/manage?confirmed=1");
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.NotFound or DomainErrorKind.FailedPrecondition or DomainErrorKind.AlreadyExists)
        {
            Refusal = e.Message;
            Response.StatusCode = e.Kind == DomainErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return Page();
        }
    }
}
