using Identity.Api.Data;
using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.Api.Application.Accounts;

/// <summary>Gives the protocol endpoints what they may know about a person: status, roles, parties, profile.</summary>
public sealed class AccountResourceOwnerStore(IServiceScopeFactory scopes, TimeProvider clock) : IResourceOwnerStore
{
    public async Task<ResourceOwner?> FindAsync(string subject, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await db.Users.Include(u => u.Nominations).AsNoTracking().SingleOrDefaultAsync(u => u.Id == subject, ct);
        if (user is null) return null;
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var refusal = RefusalReason(user);
        return new ResourceOwner(user.Id, refusal is null, refusal, user.FullName, user.Email, user.EmailConfirmed, roles, user.ActiveParties);
    }

    private string? RefusalReason(ApplicationUser user)
    {
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow()) return "The account is locked after too many failed sign-in attempts; try again later.";
        return user.Status switch
        {
            AccountStatus.Active => null,
            AccountStatus.PendingActivation => "The account is not activated yet: use the activation link you received by e-mail.",
            AccountStatus.AwaitingApproval => "Your profile is awaiting approval by the Secretariat; you can sign in once it is approved.",
            _ => "The account is disabled. Please contact the Secretariat.",
        };
    }
}
