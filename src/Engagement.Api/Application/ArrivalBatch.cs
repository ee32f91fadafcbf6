using Engagement.Api.Data;
using Engagement.Api.Data.EntityConfigurations;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>
/// Applies a batch of verified arrivals in one transaction (a group commit): one look-up of the batch's idempotency
/// keys, one lock of its dialogues' rows, one look-up of counted duplicates, the arrival numbers in one query, then
/// the applications, their outbox events and queued mails saved together. Inside the batch each arrival is decided
/// in queue order exactly as <see cref="SeatLedger.CountArrivalAsync"/> decides one alone, and a refusal (unknown or
/// closed dialogue, duplicate, key reused for other content) concerns that arrival only.
/// </summary>
public sealed class ArrivalBatch(EngagementDbContext db, SeatLedger seats, TimeProvider time)
{
    public Task ApplyAsync(IReadOnlyList<PendingArrival> batch, CancellationToken ct) =>
        db.InTransactionAsync(async c =>
        {
            foreach (var arrival in batch)
            {
                arrival.Reset();
            }
            var fresh = await ReplayKnownKeysAsync(batch, c);
            var dialogueIds = fresh.Select(a => a.Command.DialogueId).Distinct().Order().ToArray();
            var dialogues = dialogueIds.Length == 0
                ? []
                : await db.Dialogues.FromSql($"SELECT *, xmin FROM dialogues WHERE id = ANY({dialogueIds}) ORDER BY id FOR UPDATE").ToDictionaryAsync(d => d.Id, c);
            var now = time.GetUtcNow();
            var accepted = new List<(PendingArrival Arrival, ConstructiveDialogue Dialogue, DialogueApplication Application)>();
            var taken = await CountedKeysAsync(fresh, c);
            foreach (var arrival in fresh)
            {
                try
                {
                    var dialogue = dialogues.GetValueOrDefault(arrival.Command.DialogueId)
                        ?? throw DomainException.NotFound("DIALOGUE_NOT_FOUND", $"dialogue/{arrival.Command.DialogueId}", "No such constructive dialogue.");
                    dialogue.EnsureOpen(now);
                    dialogue.EnsureAdmits(arrival.Details.Organization.Category);
                    ApplicationUseCases.EnsureModeOffered(dialogue, arrival.Details.RequestedMode);
                    var created = DialogueApplication.Submit(dialogue.Id, arrival.Details, arrival.Email, arrival.Key, arrival.Fingerprint, arrival.Actor.SubmitterName, now);
                    if (!taken.Add((dialogue.Id, "o:" + created.OrganizationKey)))
                    {
                        throw ApplicationUseCases.DuplicateOf(ApplicationConfiguration.DuplicateOrganizationIndex)!;
                    }
                    if (!taken.Add((dialogue.Id, "e:" + created.ContactEmailKey)))
                    {
                        taken.Remove((dialogue.Id, "o:" + created.OrganizationKey));
                        throw ApplicationUseCases.DuplicateOf(ApplicationConfiguration.DuplicateContactIndex)!;
                    }
                    accepted.Add((arrival, dialogue, created));
                }
                catch (DomainException refused)
                {
                    arrival.Refusal = refused;
                }
            }
            if (accepted.Count == 0)
            {
                return 0;
            }
            // Drawn while the dialogues' rows are locked, as one arrival alone draws its number: the seats go to the
            // lowest numbers and the waitlist follows arrival order across batches and single arrivals.
            var numbers = await db.Database
                .SqlQuery<long>($"SELECT nextval({EngagementDbContext.ArrivalSequence}::regclass) AS \"Value\" FROM generate_series(1, {accepted.Count})")
                .ToListAsync(c);
            numbers.Sort();
            for (var i = 0; i < accepted.Count; i++)
            {
                var (arrival, dialogue, application) = accepted[i];
                seats.CountArrivalOnLockedDialogue(dialogue, application, numbers[i]);
                db.Applications.Add(application);
                arrival.Result = application;
            }
            // The rows, their events and mails by COPY; the dialogues' counters by the SaveChanges that follows.
            await db.CopyAddedAsync<DialogueApplication>(c);
            await db.CopyAddedAsync<OutboxMessage>(c, m => m.Id); // in publication order, as SaveChanges would
            await db.CopyAddedAsync<QueuedMail>(c);
            // Every row this transaction wrote carries its id as xmin, the applications' version.
            var first = accepted[0].Application.Id;
            var version = await db.Applications.Where(a => a.Id == first).Select(a => a.Version).SingleAsync(c);
            foreach (var (_, _, application) in accepted)
            {
                db.Entry(application).Property(a => a.Version).CurrentValue = version;
            }
            return accepted.Count;
        }, ct);

    /// <summary>Arrivals whose key is already stored get that application (or a refusal when the content differs); repeats inside the batch follow the first.</summary>
    private async Task<List<PendingArrival>> ReplayKnownKeysAsync(IReadOnlyList<PendingArrival> batch, CancellationToken ct)
    {
        var keys = batch.Select(a => a.Key).Distinct().ToArray();
        var stored = await db.Applications.AsNoTracking().Where(a => keys.Contains(a.IdempotencyKey)).ToDictionaryAsync(a => a.IdempotencyKey, ct);
        var first = new Dictionary<string, PendingArrival>();
        var fresh = new List<PendingArrival>();
        foreach (var arrival in batch)
        {
            if (stored.TryGetValue(arrival.Key, out var earlier))
            {
                if (earlier.RequestFingerprint == arrival.Fingerprint)
                {
                    arrival.Result = earlier;
                }
                else
                {
                    arrival.Refusal = ApplicationUseCases.KeyReused(earlier);
                }
            }
            else if (first.TryGetValue(arrival.Key, out var original))
            {
                if (original.Fingerprint == arrival.Fingerprint)
                {
                    arrival.SameAs = original;
                }
                else
                {
                    arrival.Refusal = DomainException.AlreadyExists("IDEMPOTENCY_KEY_REUSED", "idempotency_key",
                        "This idempotency key was already used for a different application: send a new key with each new application.");
                }
            }
            else
            {
                first[arrival.Key] = arrival;
                fresh.Add(arrival);
            }
        }
        return fresh;
    }

    /// <summary>The organizations and addresses that already count in the batch's dialogues (the duplicate indexes' keys).</summary>
    private async Task<HashSet<(Guid Dialogue, string Key)>> CountedKeysAsync(List<PendingArrival> fresh, CancellationToken ct)
    {
        var taken = new HashSet<(Guid, string)>();
        if (fresh.Count == 0)
        {
            return taken;
        }
        var dialogueIds = fresh.Select(a => a.Command.DialogueId).Distinct().ToArray();
        var organizations = fresh.Select(a => a.Details.Organization.NormalizedName).Distinct().ToArray();
        var emails = fresh.Select(a => Domain.Common.EmailAddress.Normalize(a.Email)).Distinct().ToArray();
        var clashes = await db.Applications.AsNoTracking()
            .Where(a => dialogueIds.Contains(a.DialogueId) && a.Status != ApplicationStatus.PendingVerification && a.Status != ApplicationStatus.Withdrawn
                && (organizations.Contains(a.OrganizationKey) || emails.Contains(a.ContactEmailKey)))
            .Select(a => new { a.DialogueId, a.OrganizationKey, a.ContactEmailKey })
            .ToListAsync(ct);
        foreach (var clash in clashes)
        {
            taken.Add((clash.DialogueId, "o:" + clash.OrganizationKey));
            taken.Add((clash.DialogueId, "e:" + clash.ContactEmailKey));
        }
        return taken;
    }
}
