using Identity.Api.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Api.Pages.Account;

public sealed class LoginModel(MechanismSignInManager signIn) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail address and password.";
            return Page();
        }
        var outcome = await signIn.SignInWithPasswordAsync(Email, Password);
        switch (outcome.Kind)
        {
            case "SignedIn":
                return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
            case "NeedsTwoFactor":
                return RedirectToPage("LoginWith2fa", new { ReturnUrl });
            case "MustEnrolTwoFactor":
                return RedirectToPage("EnrolAuthenticator", new { ReturnUrl });
            default:
                Error = outcome.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }
}
