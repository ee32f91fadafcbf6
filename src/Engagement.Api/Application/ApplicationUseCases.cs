using System.Security.Cryptography;
using System.Text;
using Engagement.Api.Data;
using Engagement.Api.Data.EntityConfigurations;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>
/// What an applicant (on the web, or through a partner system) does with an application: submit, confirm the
/// address, change, withdraw. Each call is one transaction; callable from the pages, the gRPC layer and tests.
/// </summary>
public sealed class ApplicationUseCases(
    EngagementDbContext db,
    SeatLedger seats,
    EngagementIntegrationEvents events,
    ApplicationMails mails,
    EngagementOptions options,
    ApplicationFeedSignal feed,
    ArrivalGate gate,
    ArrivalQueue arrivals,
    TimeProvider time)
{
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>
    /// Submits an application. A verified one (from a partner system or the secretariat) joins the next batch of the
    /// <see cref="ArrivalQueue"/> (one transaction for many concurrent arrivals); one from the web waits for its
    /// contact's confirmation and is stored alone.
    /// </summary>
    public async Task<DialogueApplication> SubmitAsync(SubmitApplication command, Actor actor, CancellationToken ct = default) =>
        VerifiedArrival(command, actor) is { } arrival
            ? await arrivals.SubmitAsync(arrival, ct)
            : await SubmitAloneAsync(command, actor, ct);

    /// <summary>
    /// The arrival to queue when <paramref name="command"/> comes verified from a partner system or the secretariat,
    /// null when it must wait for its contact's confirmation; refuses wrong fields either way.
    /// </summary>
    public static PendingArrival? VerifiedArrival(SubmitApplication command, Actor actor)
    {
        var (details, key, email, fingerprint) = Prepare(command, actor);
        return IsVerified(command, actor) ? new PendingArrival(command, actor, details, key, email, fingerprint) : null;
    }

    /// <summary>Submits one application in its own transaction (the queue's way when a whole batch failed).</summary>
    public Task<DialogueApplication> SubmitAloneAsync(SubmitApplication command, Actor actor, CancellationToken ct = default)
    {
        var (details, key, email, fingerprint) = Prepare(command, actor);
        return SubmitAloneAsync(command, actor, details, key, email, fingerprint, IsVerified(command, actor), ct);
    }

    private static bool IsVerified(SubmitApplication command, Actor actor) =>
        command.ContactEmailVerified && actor.Kind is ActorKind.Partner or ActorKind.Secretariat;

    private static (ApplicationDetails Details, string Key, string Email, string Fingerprint) Prepare(SubmitApplication command, Actor actor)
    {
        var details = command.Details.Trimmed();
        var violations = details.Check();
        ApplicationDetails.CheckEmail(violations, command.ContactEmail);
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey) || command.IdempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            violations.Add(new("idempotency_key", $"Send a unique key of at most {MaxIdempotencyKeyLength} characters with each new application."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        var email = command.ContactEmail.Trim();
        return (details, $"{actor.SubmitterName}:{command.IdempotencyKey}", email, Fingerprint(command.DialogueId, details, email));
    }

    private async Task<DialogueApplication> SubmitAloneAsync(
        SubmitApplication command, Actor actor, ApplicationDetails details, string key, string email, string fingerprint, bool verified, CancellationToken ct)
    {
        if (await ReplayAsync(key, fingerprint, ct) is { } earlier)
        {
            return earlier;
        }
        try
        {
            var application = await gate.RunAsync(() => db.InTransactionAsync(async c =>
            {
                var dialogue = await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DialogueId, c)
                    ?? throw DomainException.NotFound("DIALOGUE_NOT_FOUND", $"dialogue/{command.DialogueId}", "No such constructive dialogue.");
                var now = time.GetUtcNow();
                dialogue.EnsureOpen(now);
                dialogue.EnsureAdmits(details.Organization.Category);
                EnsureModeOffered(dialogue, details.RequestedMode);
                var created = DialogueApplication.Submit(dialogue.Id, details, email, key, fingerprint, actor.SubmitterName, now);
                if (verified)
                {
                    await seats.CountArrivalAsync(dialogue, created, c);
                }
                else
                {
                    await EnsureNoCountedDuplicateAsync(dialogue.Id, created, c);
                    var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                    created.AwaitVerification(HashToken(token), now + options.VerificationLinkLifetime);
                    mails.Verification(dialogue, created, token);
                }
                db.Applications.Add(created);
                return created;
            }, ct), ct);
            if (verified)
            {
                feed.Notify();
            }
            return application;
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() == ApplicationConfiguration.IdempotencyKeyIndex)
        {
            // The same key sent twice at once: the other call created it.
            if (await ReplayAsync(key, fingerprint, ct) is { } created)
            {
                return created;
            }
            throw;
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() is { } index && DuplicateOf(index) is { } duplicate)
        {
            throw duplicate;
        }
    }

    /// <summary>The contact followed the link: the application counts from now (and is decided at once with automatic approval).</summary>
    public async Task<DialogueApplication> VerifyAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token ?? "");
        try
        {
            var verified = await gate.RunAsync(() => db.InTransactionAsync(async c =>
            {
                var application = await db.Applications.SingleOrDefaultAsync(a => a.VerificationTokenHash == hash, c)
                    ?? throw DomainException.NotFound("LINK_NOT_FOUND", "verification", "This confirmation link is not valid, or was already used.");
                if (application.VerificationExpiresAt < time.GetUtcNow())
                {
                    throw DomainException.Precondition("LINK_EXPIRED", application.Subject, "This confirmation link has expired: apply again.");
                }
                var dialogue = await db.Dialogues.AsNoTracking().SingleAsync(d => d.Id == application.DialogueId, c);
                await seats.CountArrivalAsync(dialogue, application, c);
                return application;
            }, ct), ct);
            feed.Notify();
            return verified;
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() is { } index && DuplicateOf(index) is { } duplicate)
        {
            throw duplicate;
        }
    }

    /// <summary>The applicant changes the application before the deadline (the e-mail address cannot change).</summary>
    public async Task<DialogueApplication> ChangeAsync(Guid applicationId, ApplicationDetails changed, Actor actor, CancellationToken ct = default)
    {
        var details = changed.Trimmed();
        var violations = details.Check();
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        try
        {
            return await db.InTransactionAsync(async c =>
            {
                var application = await FindAsync(applicationId, c);
                EnsureMayAct(actor, application);
                var dialogue = await seats.LockDialogueAsync(application.DialogueId, c);
                await db.Entry(application).ReloadAsync(c);
                if (!actor.IsSecretariat)
                {
                    dialogue.EnsureOpen(time.GetUtcNow());
                }
                dialogue.EnsureAdmits(details.Organization.Category);
                EnsureModeOffered(dialogue, details.RequestedMode);
                var before = application.Status;
                var oldMode = application.RequestedMode;
                application.Change(details);
                if (application.Counts && oldMode != details.RequestedMode)
                {
                    await MoveToModeAsync(dialogue, application, before, c);
                }
                if (application.Counts)
                {
                    events.Changed(dialogue, application);
                }
                return application;
            }, ct);
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() is { } index && DuplicateOf(index) is { } duplicate)
        {
            throw duplicate;
        }
    }

    /// <summary>Withdraws (until the deadline; the secretariat at any time); a seat it held goes to the waitlist.</summary>
    public Task<DialogueApplication> WithdrawAsync(Guid applicationId, Actor actor, CancellationToken ct = default) =>
        db.InTransactionAsync(async c =>
        {
            var application = await FindAsync(applicationId, c);
            EnsureMayAct(actor, application);
            var dialogue = await seats.LockDialogueAsync(application.DialogueId, c);
            await db.Entry(application).ReloadAsync(c);
            if (application.Status == ApplicationStatus.Withdrawn)
            {
                return application;
            }
            if (!actor.IsSecretariat)
            {
                dialogue.EnsureOpen(time.GetUtcNow());
            }
            var before = application.Status;
            var counted = application.Counts;
            if (application.SeatMode is { } mode)
            {
                await seats.ReleaseSeatAsync(dialogue, mode, application.Id, c);
            }
            application.Withdraw();
            if (counted)
            {
                events.Withdrawn(dialogue, application, before);
            }
            mails.Withdrawn(dialogue, application);
            return application;
        }, ct);

    /// <summary>The applicant's way in on the status page: the reference and the address the application was verified with.</summary>
    public async Task<DialogueApplication?> FindForApplicantAsync(string reference, string email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(email) || reference.Length > 40 || email.Length > EmailAddress.MaxLength)
        {
            return null;
        }
        var normalized = ApplicationReference.Normalize(reference);
        var key = EmailAddress.Normalize(email);
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Reference == normalized, ct);
        // Same answer for an unknown reference and a wrong address, so neither can be probed.
        return application is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(application.ContactEmailKey), Encoding.UTF8.GetBytes(key))
            ? application
            : null;
    }

    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task MoveToModeAsync(ConstructiveDialogue dialogue, DialogueApplication application, ApplicationStatus before, CancellationToken ct)
    {
        if (before is ApplicationStatus.ApprovedInPerson or ApplicationStatus.ApprovedOnline)
        {
            var oldSeat = before == ApplicationStatus.ApprovedInPerson ? ParticipationMode.InPerson : ParticipationMode.Online;
            await seats.ReleaseSeatAsync(dialogue, oldSeat, application.Id, ct);
        }
        if (before == ApplicationStatus.Declined)
        {
            return;
        }
        application.Undecide();
        if (!dialogue.AutomaticApproval)
        {
            return;
        }
        var now = time.GetUtcNow();
        if (await seats.SeatFreeForNewcomerAsync(dialogue, application.RequestedMode, application.Id, ct))
        {
            dialogue.TakeSeat(application.RequestedMode);
            application.Approve(application.RequestedMode, now, decidedBy: null);
        }
        else
        {
            application.PutOnWaitlist(await seats.NextNumberAsync(ct), now, decidedBy: null);
        }
        events.Decided(dialogue, application, before, 0);
        mails.Decision(dialogue, application, 0);
    }

    private async Task<DialogueApplication?> ReplayAsync(string key, string fingerprint, CancellationToken ct)
    {
        var earlier = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.IdempotencyKey == key, ct);
        if (earlier is not null && earlier.RequestFingerprint != fingerprint)
        {
            throw KeyReused(earlier);
        }
        return earlier;
    }

    internal static DomainException KeyReused(DialogueApplication earlier) => DomainException.AlreadyExists("IDEMPOTENCY_KEY_REUSED", earlier.Subject,
        "This idempotency key was already used for a different application: send a new key with each new application.");

    private async Task EnsureNoCountedDuplicateAsync(Guid dialogueId, DialogueApplication application, CancellationToken ct)
    {
        var clash = await db.Applications.AsNoTracking()
            .Where(a => a.DialogueId == dialogueId && a.Status != ApplicationStatus.PendingVerification && a.Status != ApplicationStatus.Withdrawn
                && (a.OrganizationKey == application.OrganizationKey || a.ContactEmailKey == application.ContactEmailKey))
            .Select(a => new { a.OrganizationKey })
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            throw clash.OrganizationKey == application.OrganizationKey
                ? DuplicateOf(ApplicationConfiguration.DuplicateOrganizationIndex)!
                : DuplicateOf(ApplicationConfiguration.DuplicateContactIndex)!;
        }
    }

    internal static DomainException? DuplicateOf(string index) => index switch
    {
        ApplicationConfiguration.DuplicateOrganizationIndex => DomainException.AlreadyExists("DUPLICATE_APPLICATION", "organization.name",
            "This organization already applied to this dialogue: its contact person has the reference and can change the application."),
        ApplicationConfiguration.DuplicateContactIndex => DomainException.AlreadyExists("DUPLICATE_APPLICATION", "contact.email",
            "This e-mail address already applied to this dialogue: use the reference you received to check or change the application."),
        _ => null,
    };

    private async Task<DialogueApplication> FindAsync(Guid applicationId, CancellationToken ct) =>
        await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
        ?? throw DomainException.NotFound("APPLICATION_NOT_FOUND", $"application/{applicationId}", "No such application.");

    /// <summary>A partner acts only on what it submitted; applicants reach an application through the status page's check.</summary>
    public static void EnsureMayAct(Actor actor, DialogueApplication application)
    {
        if (actor.Kind == ActorKind.Partner && application.SubmittedBy != actor.SubmitterName)
        {
            throw DomainException.Denied("NOT_YOUR_APPLICATION", application.Subject, "This application was submitted by someone else.");
        }
    }

    internal static void EnsureModeOffered(ConstructiveDialogue dialogue, ParticipationMode mode)
    {
        if (!dialogue.Offers(mode))
        {
            throw DomainException.Invalid("requested_mode",
                mode == ParticipationMode.InPerson ? "This dialogue is held online only." : "This dialogue is held in Vienna only, without online participation.");
        }
    }

    private static string Fingerprint(Guid dialogueId, ApplicationDetails details, string email)
    {
        var o = details.Organization;
        var canonical = string.Join('\u001f', dialogueId, o.Name, o.Category, o.Country, o.Website, o.GrassrootsOrVictimLed,
            details.ContactName, email.ToLowerInvariant(), details.Expertise, details.RequestedMode, details.TravelSupportRequested, details.Language);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
