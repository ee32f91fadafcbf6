using Identity.Api.Data;
using Identity.Api.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Identity.Api.Application.Accounts;

/// <summary>
/// The Secretariat's actions on accounts: list and read them, approve a submitted profile, disable an
/// account. Refusals are <see cref="DomainException"/>s (NOT_FOUND <see cref="AccountNotFound"/>, FAILED_PRECONDITION
/// naming the rule); a refused action changes nothing.
/// </summary>
public sealed class AccountAdministration(
    IdentityDb db, UserManager<ApplicationUser> users, AccountRevocation revocation, TimeProvider clock, ILogger<AccountAdministration> logger)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string NotActivated = "ACCOUNT_NOT_ACTIVATED";
    public const string AlreadyApproved = "ACCOUNT_ALREADY_APPROVED";
    public const string Disabled = "ACCOUNT_DISABLED";
    public const string UpdateRefused = "ACCOUNT_UPDATE_REFUSED";

    public async Task<IReadOnlyList<AccountView>> ListAsync(AccountStatus? status, string? party, int pageSize, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Include(u => u.Nominations).AsQueryable();
        if (status is { } s) query = query.Where(u => u.Status == s);
        if (!string.IsNullOrWhiteSpace(party))
        {
            var iso3 = party.Trim().ToUpperInvariant();
            query = query.Where(u => u.Nominations.Any(n => n.Party == iso3 && n.WithdrawnAt == null));
        }
        var size = pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        var page = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Take(size).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return page.Select(u => new AccountView(u,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.ActiveParties)).ToList();
    }

    public async Task<AccountView> GetAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Nominations).SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw NotFound(userId);
        return new AccountView(user, (await users.GetRolesAsync(user)).Order().ToList(), user.ActiveParties);
    }

    /// <summary>Approves an account awaiting approval; from then on it may sign in and receive tokens.</summary>
    public async Task<AccountView> ApproveAsync(string userId, string approvedBy, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw NotFound(userId);
        switch (user.Status)
        {
            case AccountStatus.PendingActivation:
                throw DomainException.Precondition(NotActivated, Subject(userId),
                    $"The account of {user.Email} cannot be approved yet: the person has not used the activation link and submitted the profile.");
            case AccountStatus.Active:
                throw DomainException.Precondition(AlreadyApproved, Subject(userId),
                    $"The account of {user.Email} is already approved (by {user.ApprovedBy} on {user.ApprovedAt:yyyy-MM-dd}).");
            case AccountStatus.Disabled:
                throw DomainException.Precondition(Disabled, Subject(userId), $"The account of {user.Email} is disabled and cannot be approved.");
        }
        user.Status = AccountStatus.Active;
        user.ApprovedAt = clock.GetUtcNow();
        user.ApprovedBy = approvedBy;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) throw Refused(userId, result);
        logger.LogInformation("Account {UserId} approved by {ApprovedBy}", userId, approvedBy);
        return await GetAsync(userId, ct);
    }

    /// <summary>
    /// Disables an account (idempotent): no sign-in and no new tokens; the security stamp changes, ending sessions;
    /// its tokens are revoked and the gateway refuses them within seconds (<see cref="AccountRevocation"/>).
    /// </summary>
    public async Task<AccountView> DisableAsync(string userId, string disabledBy, string? reason, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw NotFound(userId);
        if (user.Status != AccountStatus.Disabled)
        {
            user.Status = AccountStatus.Disabled;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded) throw Refused(userId, result);
            logger.LogInformation("Account {UserId} disabled by {DisabledBy}: {Reason}", userId, disabledBy, reason);
            await revocation.RevokeEverythingOfAsync(userId, ct);
        }
        return await GetAsync(userId, ct);
    }

    private static string Subject(string userId) => $"accounts/{ErrorText.Quote(userId)}";

    private static DomainException NotFound(string userId) =>
        DomainException.NotFound(AccountNotFound, Subject(userId), $"There is no account with id '{ErrorText.Quote(userId)}'.");

    private static DomainException Refused(string userId, IdentityResult result) =>
        DomainException.Precondition(UpdateRefused, Subject(userId), string.Join(" ", result.Errors.Select(e => e.Description)));
}
