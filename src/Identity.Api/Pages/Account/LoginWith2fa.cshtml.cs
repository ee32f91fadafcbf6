using Identity.Api.Application.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Api.Pages.Account;

public sealed class LoginWith2faModel(MechanismSignInManager signIn) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login", new { ReturnUrl });
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(MechanismSignInManager.Normalize(Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        Error = result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in a few minutes."
            : "The code is not valid. Enter the current 6-digit code of your authenticator app.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
