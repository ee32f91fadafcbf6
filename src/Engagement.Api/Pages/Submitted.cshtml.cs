using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engagement.Api.Pages;

/// <summary>After the form: check your mailbox, and the reference to keep.</summary>
public sealed class SubmittedModel : PageModel
{
    public string Reference { get; private set; } = "";

    public string? Email { get; private set; }

    public bool Replayed { get; private set; }

    public void OnGet(string reference, [FromQuery] int replayed = 0)
    {
        Reference = reference;
        Email = TempData["Email"] as string;
        Replayed = replayed == 1;
    }
}
