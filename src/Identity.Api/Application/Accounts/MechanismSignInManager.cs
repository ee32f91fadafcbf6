using System.Security.Claims;
using Identity.Api.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Identity.Api.Application.Accounts;

/// <summary>
/// Sign-in for the login page: the password is checked first (with lockout), then the account's
/// lifecycle status, then the second factor (TOTP), which Secretariat accounts must enrol in.
/// </summary>
public sealed class MechanismSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public async Task<LoginOutcome> SignInWithPasswordAsync(string userName, string password)
    {
        var user = await UserManager.FindByNameAsync(userName.Trim()) ?? await UserManager.FindByEmailAsync(userName.Trim());
        if (user is null) return LoginOutcome.InvalidCredentials;
        var check = await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut) return LoginOutcome.LockedOut;
        if (!check.Succeeded) return LoginOutcome.InvalidCredentials;
        if (user.Status != AccountStatus.Active) return LoginOutcome.NotApproved(user.Status);

        if (user.TwoFactorEnabled)
        {
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, TwoFactorPrincipal(user.Id));
            return LoginOutcome.NeedsTwoFactor;
        }
        if (MechanismRoles.RequiresTwoFactor(await UserManager.GetRolesAsync(user)))
        {
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, TwoFactorPrincipal(user.Id));
            return LoginOutcome.MustEnrolTwoFactor;
        }
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
        return LoginOutcome.SignedIn;
    }

    /// <summary>Confirms the first TOTP code of a new authenticator, turns two-factor on and signs in.</summary>
    public async Task<bool> CompleteEnrolmentAsync(ApplicationUser user, string code)
    {
        var valid = await UserManager.VerifyTwoFactorTokenAsync(user, UserManager.Options.Tokens.AuthenticatorTokenProvider, Normalize(code));
        if (!valid)
        {
            await UserManager.AccessFailedAsync(user);
            return false;
        }
        await UserManager.SetTwoFactorEnabledAsync(user, true);
        await UserManager.ResetAccessFailedCountAsync(user);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd"), new Claim("amr", "mfa"), new Claim("amr", "otp")]);
        return true;
    }

    public static string Normalize(string code) => code.Replace(" ", "").Replace("-", "");

    private static ClaimsPrincipal TwoFactorPrincipal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, userId)], IdentityConstants.TwoFactorUserIdScheme));
}

public sealed record LoginOutcome(string Kind, string? Message)
{
    public static readonly LoginOutcome SignedIn = new("SignedIn", null);
    public static readonly LoginOutcome NeedsTwoFactor = new("NeedsTwoFactor", null);
    public static readonly LoginOutcome MustEnrolTwoFactor = new("MustEnrolTwoFactor", null);
    public static readonly LoginOutcome InvalidCredentials = new("InvalidCredentials", "The e-mail address or password is incorrect.");
    public static readonly LoginOutcome LockedOut = new("LockedOut", "This account is locked after too many failed attempts. Try again in a few minutes.");

    public static LoginOutcome NotApproved(AccountStatus status) => new("NotApproved", status switch
    {
        AccountStatus.AwaitingApproval => "Your profile is awaiting approval by the Secretariat. You can sign in once it is approved.",
        AccountStatus.PendingActivation => "Your account is not activated yet: use the activation link you received by e-mail.",
        _ => "Your account is disabled. Please contact the Secretariat.",
    });
}
