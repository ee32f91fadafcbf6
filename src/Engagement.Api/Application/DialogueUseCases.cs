using Engagement.Api.Data;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>The secretariat schedules and changes dialogues and publishes the Chair's summary; anyone lists them.</summary>
public sealed class DialogueUseCases(EngagementDbContext db, SeatLedger seats, EngagementIntegrationEvents events, TimeProvider time)
{
    public async Task<ConstructiveDialogue> ScheduleAsync(DialogueSchedule schedule, string? idempotencyKey, CancellationToken ct = default)
    {
        if (idempotencyKey is { Length: > ApplicationUseCases.MaxIdempotencyKeyLength })
        {
            throw DomainException.Invalid("idempotency_key", $"At most {ApplicationUseCases.MaxIdempotencyKeyLength} characters.");
        }
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey;
        if (key is not null && await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.IdempotencyKey == key, ct) is { } earlier)
        {
            return earlier;
        }
        try
        {
            return await db.InTransactionAsync(c =>
            {
                var dialogue = ConstructiveDialogue.Schedule(schedule, key, time.GetUtcNow());
                db.Dialogues.Add(dialogue);
                return Task.FromResult(dialogue);
            }, ct);
        }
        catch (DbUpdateException e) when (e.ViolatedUniqueIndex() == "ux_dialogues_idempotency_key")
        {
            return await db.Dialogues.AsNoTracking().SingleAsync(d => d.IdempotencyKey == key, ct);
        }
    }

    public Task<ConstructiveDialogue> ChangeAsync(
        Guid dialogueId, uint? expectedVersion, Venue venue, int inPersonCapacity, int onlineCapacity, DateOnly lastDayToApply,
        bool automaticApproval, CancellationToken ct = default) =>
        db.InTransactionAsync(async c =>
        {
            var dialogue = await seats.LockDialogueAsync(dialogueId, c);
            if (expectedVersion is { } version && version != dialogue.Version)
            {
                throw DomainException.Conflict($"dialogue/{dialogueId}", "The dialogue changed since you read it: reload it and try again.");
            }
            dialogue.Change(venue, inPersonCapacity, onlineCapacity, lastDayToApply, automaticApproval);
            await seats.FillFromWaitlistAsync(dialogue, c);
            return dialogue;
        }, ct);

    public Task<ConstructiveDialogue> PublishChairSummaryAsync(Guid dialogueId, string url, string nextSession, Guid? nextDialogueId, CancellationToken ct = default)
    {
        var violations = new List<FieldViolation>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http") || url.Length > 500)
        {
            violations.Add(new("url", "Give the summary's full address (https://...)."));
        }
        Domain.Common.TextRules.Required(violations, "next_session", nextSession, 200);
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        return db.InTransactionAsync(async c =>
        {
            var dialogue = await seats.LockDialogueAsync(dialogueId, c);
            if (nextDialogueId is { } next && !await db.Dialogues.AnyAsync(d => d.Id == next && d.Id != dialogueId, c))
            {
                throw DomainException.NotFound("DIALOGUE_NOT_FOUND", $"dialogue/{next}", "The next dialogue named does not exist.");
            }
            dialogue.PublishChairSummary(new ChairSummary(url, nextSession.Trim(), nextDialogueId, time.GetUtcNow()));
            events.ChairSummaryPublished(dialogue);
            return dialogue;
        }, ct);
    }

    public async Task<ConstructiveDialogue> GetAsync(Guid dialogueId, CancellationToken ct = default) =>
        await db.Dialogues.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dialogueId, ct)
        ?? throw DomainException.NotFound("DIALOGUE_NOT_FOUND", $"dialogue/{dialogueId}", "No such constructive dialogue.");

    public Task<List<ConstructiveDialogue>> ListAsync(DateOnly? heldFrom, DialogueTopic? topic, CancellationToken ct = default)
    {
        var query = db.Dialogues.AsNoTracking();
        if (heldFrom is { } from)
        {
            query = query.Where(d => d.HeldOn >= from);
        }
        if (topic is { } t)
        {
            query = query.Where(d => d.Topic == t);
        }
        return query.OrderBy(d => d.HeldOn).ThenBy(d => d.Topic).ToListAsync(ct);
    }
}
