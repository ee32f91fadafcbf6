using System.Net.Mail;
using System.Text.RegularExpressions;
using Identity.Api.Data;
using Identity.Api.Domain.Accounts;
using Identity.Api.IntegrationEvents;
using Identity.Api.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using ReviewMechanism.Events.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Identity.Api.Application.Accounts;

/// <summary>
/// The account lifecycle of the mechanism: a nomination creates a pending account and sends a
/// single-use activation link (valid 10 days); the person sets a password and submits the
/// profile; the Secretariat approves; only then may the account sign in and receive tokens.
/// </summary>
public sealed partial class AccountLifecycle(
    IdentityDb db,
    UserManager<ApplicationUser> users,
    IAccountNotifier notifier,
    AccountRevocation revocation,
    IOptions<AccountOptions> accountOptions,
    IOptions<OidcServerOptions> serverOptions,
    TimeProvider clock,
    ILogger<AccountLifecycle> logger)
{
    /// <summary>Handles PersonNominated (idempotent on nomination_id). Called by the integration event consumer.</summary>
    public async Task<NominationOutcome> HandlePersonNominatedAsync(PersonNominated nomination, CancellationToken ct)
    {
        var existing = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.NominationId == nomination.NominationId, ct);
        if (existing is not null) return new NominationOutcome(existing.UserId, null, AlreadyProcessed: true);

        var problems = ValidateNomination(nomination);
        // A refusal (DomainException): the event goes to the error queue without retries (docs/messaging.md).
        if (problems.Count > 0) throw DomainException.Invalid("nomination", $"Nomination {nomination.NominationId} cannot create an account: {string.Join("; ", problems)}.");
        var role = NominationRoles.ToMechanismRole(nomination.Role)!;
        var party = nomination.Party.ToUpperInvariant();
        var now = clock.GetUtcNow();

        await using var tx = await BeginUnlessEnlistedAsync(ct);
        var user = await FindPersonAsync(nomination, ct);
        var created = user is null;
        if (user is null)
        {
            user = new ApplicationUser
            {
                // The person's id from Nominations is the account's id, so the tokens' sub names the person
                // the other services know (Reviews' notification feed, Nominations' tasks).
                Id = PersonIdOrNew(nomination.PersonId),
                UserName = nomination.Email.Trim(),
                Email = nomination.Email.Trim(),
                FullName = nomination.FullName.Trim(),
                Title = Blank(nomination.Title),
                Gender = Blank(nomination.Gender),
                Affiliation = Blank(nomination.Affiliation),
                PhoneNumber = Blank(nomination.Phone),
                PersonId = Blank(nomination.PersonId),
                Status = AccountStatus.PendingActivation,
                CreatedAt = now,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user));
        }
        if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role));
        db.Nominations.Add(new UserNomination
        {
            NominationId = nomination.NominationId,
            UserId = user.Id,
            Party = party,
            Role = role,
            ScopeKind = nomination.Scope?.Kind.ToString() ?? NominationScopeKind.Unspecified.ToString(),
            CountryReviewId = Blank(nomination.Scope?.CountryReviewId),
            EffectiveFrom = nomination.EffectiveFrom?.ToDateTimeOffset(),
            ReceivedAt = now,
        });
        if (user.Status == AccountStatus.Disabled && user.ApprovedAt is not null) user.Status = AccountStatus.Active;
        await db.SaveChangesAsync(ct);

        (string Link, DateTimeOffset ExpiresAt)? activation = user.Status == AccountStatus.PendingActivation
            ? await CreateActivationTicketAsync(user, ct)
            : null;
        if (tx is not null) await tx.CommitAsync(ct);
        if (activation is { } a) await notifier.SendActivationLinkAsync(user, a.Link, a.ExpiresAt, ct);
        logger.LogInformation("Nomination {NominationId}: {Role} of {Party}, account {UserId} ({State})",
            nomination.NominationId, role, party, user.Id, created ? "created" : "existing");
        return new NominationOutcome(user.Id, activation?.Link, AlreadyProcessed: false);
    }

    /// <summary>Handles NominationWithdrawn: the role and party of that nomination no longer apply.</summary>
    public async Task HandleNominationWithdrawnAsync(NominationWithdrawn withdrawal, CancellationToken ct)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.NominationId == withdrawal.NominationId, ct);
        if (nomination is null || nomination.WithdrawnAt is not null) return;
        await using var tx = await BeginUnlessEnlistedAsync(ct);
        nomination.WithdrawnAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var user = await users.FindByIdAsync(nomination.UserId) ?? throw new AccountException("The nominated account no longer exists.");
        var stillHolds = await db.Nominations.AnyAsync(n => n.UserId == user.Id && n.Role == nomination.Role && n.WithdrawnAt == null, ct);
        if (!stillHolds) Check(await users.RemoveFromRoleAsync(user, nomination.Role));
        var disabled = false;
        if ((await users.GetRolesAsync(user)).Count == 0 && user.Status != AccountStatus.Disabled)
        {
            user.Status = AccountStatus.Disabled;
            Check(await users.UpdateAsync(user));
            disabled = true;
        }
        if (tx is not null) await tx.CommitAsync(ct);
        // Without a role left the person may do nothing: the tokens they hold are revoked too.
        if (disabled) await revocation.RevokeEverythingOfAsync(user.Id, ct);
    }

    /// <summary>Creates a Secretariat account (bootstrap): approved in advance, it still needs activation and a second factor.</summary>
    public async Task<string> CreateSecretariatAccountAsync(string email, string fullName, CancellationToken ct)
    {
        if (!IsEmail(email)) throw new AccountException($"'{email}' is not an e-mail address.");
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email, Email = email, FullName = fullName, Status = AccountStatus.PendingActivation,
                CreatedAt = now, ApprovedAt = now, ApprovedBy = "bootstrap", LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user));
        }
        if (!await users.IsInRoleAsync(user, MechanismRoles.Secretariat)) Check(await users.AddToRoleAsync(user, MechanismRoles.Secretariat));
        var (link, expiresAt) = await CreateActivationTicketAsync(user, ct);
        await tx.CommitAsync(ct);
        await notifier.SendActivationLinkAsync(user, link, expiresAt, ct);
        return link;
    }

    /// <summary>Issues a new activation link (e.g. the first one expired); earlier unused links stop working.</summary>
    public async Task<string> ReissueActivationLinkAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new AccountException("There is no such account.");
        if (user.Status != AccountStatus.PendingActivation) throw new AccountException("This account is already activated.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (link, expiresAt) = await CreateActivationTicketAsync(user, ct);
        await tx.CommitAsync(ct);
        await notifier.SendActivationLinkAsync(user, link, expiresAt, ct);
        return link;
    }

    public async Task<(ActivationTicketState State, ApplicationUser? User)> CheckActivationAsync(string token, CancellationToken ct)
    {
        var ticket = await FindTicketAsync(token, ct);
        if (ticket is null) return (ActivationTicketState.Unknown, null);
        return (ticket.StateAt(clock.GetUtcNow()), await users.FindByIdAsync(ticket.UserId));
    }

    /// <summary>Uses an activation link: sets the password and the profile; the account then awaits approval.</summary>
    public async Task<IdentityResult> ActivateAsync(string token, string password, ActivationProfile profile, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ticket = await FindTicketAsync(token, ct);
        var state = ticket?.StateAt(now) ?? ActivationTicketState.Unknown;
        if (state != ActivationTicketState.Valid) return Failed("ActivationLink" + state, ActivationMessage(state));
        if (string.IsNullOrWhiteSpace(profile.FullName)) return Failed("FullNameRequired", "Please enter your full name.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var used = await db.ActivationTickets.Where(t => t.Id == ticket!.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (used == 0) return Failed("ActivationLinkUsed", ActivationMessage(ActivationTicketState.Used));
        var user = await users.FindByIdAsync(ticket!.UserId) ?? throw new AccountException("The account no longer exists.");
        if (user.Status != AccountStatus.PendingActivation) return Failed("AlreadyActivated", "This account is already activated.");
        user.FullName = profile.FullName.Trim();
        user.Title = Blank(profile.Title);
        user.Gender = Blank(profile.Gender);
        user.Affiliation = Blank(profile.Affiliation);
        user.PhoneNumber = Blank(profile.Phone);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return result; // the transaction is rolled back: the link stays usable
        user.EmailConfirmed = true;
        user.ProfileSubmittedAt = now;
        user.Status = user.ApprovedAt is null ? AccountStatus.AwaitingApproval : AccountStatus.Active;
        result = await users.UpdateAsync(user);
        if (!result.Succeeded) return result;
        await tx.CommitAsync(ct);
        return IdentityResult.Success;
    }

    /// <summary>The Secretariat approves a submitted profile; the account may then sign in.</summary>
    public async Task ApproveAsync(string userId, string approvedBy, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new AccountException("There is no such account.");
        if (user.Status != AccountStatus.AwaitingApproval)
            throw new AccountException(user.Status switch
            {
                AccountStatus.PendingActivation => "The person has not activated the account and submitted the profile yet.",
                AccountStatus.Active => "The account is already approved.",
                _ => "The account is disabled.",
            });
        user.Status = AccountStatus.Active;
        user.ApprovedAt = clock.GetUtcNow();
        user.ApprovedBy = approvedBy;
        Check(await users.UpdateAsync(user));
    }

    public static string ActivationMessage(ActivationTicketState state) => state switch
    {
        ActivationTicketState.Expired => "This activation link has expired. Please ask the Secretariat for a new one.",
        ActivationTicketState.Used => "This activation link was already used. Sign in with your password, or ask the Secretariat for a new link.",
        ActivationTicketState.Unknown => "This activation link is not valid.",
        _ => "",
    };

    private async Task<(string Link, DateTimeOffset ExpiresAt)> CreateActivationTicketAsync(ApplicationUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ActivationTickets.Where(t => t.UserId == user.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, now), ct);
        var token = OpaqueTokens.Create();
        var ticket = new ActivationTicket
        {
            Id = Guid.NewGuid(), UserId = user.Id, TokenHash = OpaqueTokens.Hash(token),
            CreatedAt = now, ExpiresAt = now + accountOptions.Value.ActivationLinkLifetime,
        };
        db.ActivationTickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        var baseUrl = (accountOptions.Value.PublicBaseUrl ?? serverOptions.Value.Issuer).TrimEnd('/');
        return ($"{baseUrl}/Account/Activate?token={token}", ticket.ExpiresAt);
    }

    private Task<ActivationTicket?> FindTicketAsync(string token, CancellationToken ct)
    {
        var hash = OpaqueTokens.Hash(token ?? "");
        return db.ActivationTickets.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    private async Task<ApplicationUser?> FindPersonAsync(PersonNominated nomination, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(nomination.PersonId))
        {
            var byPerson = await db.Users.SingleOrDefaultAsync(u => u.PersonId == nomination.PersonId, ct);
            if (byPerson is not null) return byPerson;
        }
        return await users.FindByEmailAsync(nomination.Email.Trim());
    }

    private static List<string> ValidateNomination(PersonNominated n)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(n.NominationId)) problems.Add("nomination_id is missing");
        if (!IsEmail(n.Email)) problems.Add($"'{n.Email}' is not an e-mail address");
        if (string.IsNullOrWhiteSpace(n.FullName)) problems.Add("full_name is missing");
        if (!Iso3().IsMatch(n.Party ?? "")) problems.Add($"party '{n.Party}' is not an ISO 3166 alpha-3 code");
        if (NominationRoles.ToMechanismRole(n.Role) is null) problems.Add("role is not set");
        return problems;
    }

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value.Trim(), out var a) && a.Address == value.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex Iso3();

    /// <summary>The transaction of the caller (the event inbox) when there is one; else one of our own.</summary>
    private async Task<IDbContextTransaction?> BeginUnlessEnlistedAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    private static string PersonIdOrNew(string? personId) =>
        Guid.TryParse(personId, out var id) ? id.ToString() : Guid.NewGuid().ToString();
}
