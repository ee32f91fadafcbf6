using Engagement.Api.Data;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>
/// Every change of a dialogue's seats, inside the caller's transaction. Two ways in:
/// <list type="bullet">
/// <item>An application that starts to count (<see cref="CountArrivalAsync"/>) does not lock the dialogue: with
/// automatic approval it takes a seat with one conditional UPDATE (<c>approved &lt; capacity</c>), so only the
/// applications that get a seat queue on the dialogue's row, and every later one is waitlisted without waiting. The
/// arrival number is drawn after the seat, while the row is still locked, so the approved applications have the
/// lowest numbers and the waitlist follows in arrival order.</item>
/// <item>Decisions, withdrawals, changes and capacity changes lock the dialogue's row first
/// (<see cref="LockDialogueAsync"/>) and move seats on the tracked entity; a freed seat goes to the first
/// application on the waitlist for that mode.</item>
/// </list>
/// The database's check constraint refuses any counter above capacity whatever the code does.
/// </summary>
public sealed class SeatLedger(EngagementDbContext db, EngagementIntegrationEvents events, ApplicationMails mails, TimeProvider time)
{
    public async Task<ConstructiveDialogue> LockDialogueAsync(Guid dialogueId, CancellationToken ct) =>
        await db.Dialogues.FromSql($"SELECT *, xmin FROM dialogues WHERE id = {dialogueId} FOR UPDATE").SingleOrDefaultAsync(ct)
        ?? throw DomainException.NotFound("DIALOGUE_NOT_FOUND", $"dialogue/{dialogueId}", "No such constructive dialogue.");

    public async Task<long> NextNumberAsync(CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>($"SELECT nextval('{EngagementDbContext.ArrivalSequence}') AS \"Value\"").SingleAsync(ct);

    /// <summary>The application's contact is verified: it counts now; with automatic approval it is decided at once.</summary>
    public async Task CountArrivalAsync(ConstructiveDialogue dialogue, DialogueApplication application, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var mode = application.RequestedMode;
        if (!dialogue.AutomaticApproval)
        {
            application.MarkVerified(await NextNumberAsync(ct), now);
            events.Submitted(dialogue, application);
            mails.Decision(dialogue, application, 0);
            return;
        }
        var seated = dialogue.Offers(mode) && await TryTakeSeatAsync(dialogue.Id, mode, ct);
        var number = await NextNumberAsync(ct);
        application.MarkVerified(number, now);
        events.Submitted(dialogue, application);
        if (seated)
        {
            application.Approve(mode, now, decidedBy: null);
        }
        else
        {
            application.PutOnWaitlist(number, now, decidedBy: null);
        }
        // Waitlist positions are not counted here (that would read the whole waitlist on every arrival): the order is
        // the arrival order, and the status page shows the position.
        events.Decided(dialogue, application, ApplicationStatus.Submitted, waitlistPosition: 0);
        mails.Decision(dialogue, application, 0);
    }

    /// <summary>
    /// The same decision as <see cref="CountArrivalAsync"/> for a dialogue whose row the caller has locked and tracks
    /// (a batch of arrivals, <see cref="ArrivalBatch"/>): the seat is taken on the entity, saved with the batch, and the
    /// arrival number was drawn by the caller while holding the lock.
    /// </summary>
    public void CountArrivalOnLockedDialogue(ConstructiveDialogue dialogue, DialogueApplication application, long number)
    {
        var now = time.GetUtcNow();
        var mode = application.RequestedMode;
        application.MarkVerified(number, now);
        events.Submitted(dialogue, application);
        if (!dialogue.AutomaticApproval)
        {
            mails.Decision(dialogue, application, 0);
            return;
        }
        if (dialogue.Offers(mode) && dialogue.HasFreeSeat(mode))
        {
            dialogue.TakeSeat(mode);
            application.Approve(mode, now, decidedBy: null);
        }
        else
        {
            application.PutOnWaitlist(number, now, decidedBy: null);
        }
        events.Decided(dialogue, application, ApplicationStatus.Submitted, waitlistPosition: 0);
        mails.Decision(dialogue, application, 0);
    }

    /// <summary>The dialogue (locked) takes back the application's seat, or hands it to the first on the waitlist.</summary>
    public async Task ReleaseSeatAsync(ConstructiveDialogue dialogue, ParticipationMode mode, Guid leavingApplicationId, CancellationToken ct)
    {
        var next = await FirstWaitlistedAsync(dialogue.Id, mode, leavingApplicationId, ct);
        if (next is null)
        {
            dialogue.GiveBackSeat(mode);
            return;
        }
        next.Approve(mode, time.GetUtcNow(), decidedBy: null);
        events.Decided(dialogue, next, ApplicationStatus.Waitlisted, 0);
        mails.Decision(dialogue, next, 0);
    }

    /// <summary>Free seats of the (locked) dialogue go to the waitlist in order (after a capacity increase).</summary>
    public async Task FillFromWaitlistAsync(ConstructiveDialogue dialogue, CancellationToken ct)
    {
        foreach (var mode in new[] { ParticipationMode.InPerson, ParticipationMode.Online })
        {
            while (dialogue.HasFreeSeat(mode) && await FirstWaitlistedAsync(dialogue.Id, mode, Guid.Empty, ct) is { } next)
            {
                dialogue.TakeSeat(mode);
                next.Approve(mode, time.GetUtcNow(), decidedBy: null);
                events.Decided(dialogue, next, ApplicationStatus.Waitlisted, 0);
                mails.Decision(dialogue, next, 0);
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>Whether a seat of this mode is free for a newcomer: none free, or someone waits for it already.</summary>
    public async Task<bool> SeatFreeForNewcomerAsync(ConstructiveDialogue dialogue, ParticipationMode mode, Guid applicationId, CancellationToken ct) =>
        dialogue.Offers(mode) && dialogue.HasFreeSeat(mode) && await FirstWaitlistedAsync(dialogue.Id, mode, applicationId, ct) is null;

    private async Task<bool> TryTakeSeatAsync(Guid dialogueId, ParticipationMode mode, CancellationToken ct)
    {
        var dialogues = db.Dialogues.Where(d => d.Id == dialogueId);
        var updated = mode == ParticipationMode.InPerson
            ? await dialogues.Where(d => d.ApprovedInPerson < d.InPersonCapacity)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ApprovedInPerson, d => d.ApprovedInPerson + 1), ct)
            : await dialogues.Where(d => d.ApprovedOnline < d.OnlineCapacity)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ApprovedOnline, d => d.ApprovedOnline + 1), ct);
        return updated == 1;
    }

    private Task<DialogueApplication?> FirstWaitlistedAsync(Guid dialogueId, ParticipationMode mode, Guid except, CancellationToken ct) =>
        db.Applications
            .Where(a => a.DialogueId == dialogueId && a.Status == ApplicationStatus.Waitlisted && a.RequestedMode == mode && a.Id != except)
            .OrderBy(a => a.WaitlistNumber)
            .FirstOrDefaultAsync(ct);
}
