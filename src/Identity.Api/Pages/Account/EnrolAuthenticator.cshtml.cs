using Identity.Api.Application.Accounts;
using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Identity.Api.Pages.Account;

/// <summary>First sign-in of an account that must use two factors: set up an authenticator app (RFC 6238 TOTP).</summary>
public sealed class EnrolAuthenticatorModel(MechanismSignInManager signIn, UserManager<ApplicationUser> users, IOptions<OidcServerOptions> options) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.TwoFactorEnabled) return RedirectToPage("Login", new { ReturnUrl });
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.TwoFactorEnabled) return RedirectToPage("Login", new { ReturnUrl });
        if (await signIn.CompleteEnrolmentAsync(user, Code)) return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        Error = "The code is not valid. Check the time on your phone and enter the current code.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadKeyAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = key!;
        var issuer = Uri.TryCreate(options.Value.Issuer, UriKind.Absolute, out var uri) ? uri.Host : "review-mechanism";
        var label = Uri.EscapeDataString($"{issuer}:{user.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
    }
}
