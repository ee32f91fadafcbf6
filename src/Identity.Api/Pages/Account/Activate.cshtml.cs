using Identity.Api.Application.Accounts;
using Identity.Api.Domain.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Identity.Api.Pages.Account;

/// <summary>The activation link's page: set a password and submit the profile.</summary>
public sealed class ActivateModel(AccountLifecycle accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string FullName { get; set; } = "";
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? Affiliation { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public string? Email { get; private set; }
    public string? Unavailable { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public AccountStatus? Completed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (state, user) = await accounts.CheckActivationAsync(Token, ct);
        if (state != ActivationTicketState.Valid || user is null)
        {
            Unavailable = AccountLifecycle.ActivationMessage(state);
            Response.StatusCode = state == ActivationTicketState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
            return Page();
        }
        Email = user.Email;
        FullName = user.FullName;
        Title = user.Title;
        Gender = user.Gender;
        Affiliation = user.Affiliation;
        Phone = user.PhoneNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (state, user) = await accounts.CheckActivationAsync(Token, ct);
        if (state != ActivationTicketState.Valid || user is null)
        {
            Unavailable = AccountLifecycle.ActivationMessage(state);
            Response.StatusCode = state == ActivationTicketState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
            return Page();
        }
        Email = user.Email;
        if (Password != ConfirmPassword)
        {
            Errors = ["The two passwords differ."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await accounts.ActivateAsync(Token, Password, new ActivationProfile(FullName, Title, Gender, Affiliation, Phone), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Description).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (_, activated) = await accounts.CheckActivationAsync(Token, ct);
        Completed = activated?.Status ?? AccountStatus.AwaitingApproval;
        return Page();
    }
}
