using Engagement.Api.Data;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>The secretariat's work on applications: the Extended Bureau's decisions, expertise, attendance.</summary>
public sealed class DecisionUseCases(
    EngagementDbContext db,
    SeatLedger seats,
    EngagementIntegrationEvents events,
    ApplicationMails mails,
    ApplicationQueries queries,
    TimeProvider time)
{
    /// <summary>
    /// Records a decision. Approving takes a seat of that mode (refused when none is free: capacity is never exceeded);
    /// waitlisting puts the application at the end of the waitlist; a seat the application gave up goes to the first
    /// waitlisted one. Deciding what is already decided changes nothing. The applicant is mailed.
    /// </summary>
    public Task<DialogueApplication> DecideAsync(Guid applicationId, Decision decision, uint? expectedVersion, Actor actor, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(decision))
        {
            throw DomainException.Invalid("decision", "Choose approve in person, approve online, waitlist or decline.");
        }
        return db.InTransactionAsync(async c =>
        {
            var application = await LoadAsync(applicationId, c);
            var dialogue = await seats.LockDialogueAsync(application.DialogueId, c);
            await db.Entry(application).ReloadAsync(c);
            if (expectedVersion is { } version && version != application.Version)
            {
                throw DomainException.Conflict(application.Subject, "The application changed since you read it: reload it and decide again.");
            }
            if (application.Status == ApplicationStatus.PendingVerification)
            {
                throw DomainException.Precondition("NOT_VERIFIED", application.Subject, "The applicant has not confirmed the e-mail address yet: the application does not count.");
            }
            application.EnsureNotWithdrawn();
            var before = application.Status;
            var target = decision switch
            {
                Decision.ApproveInPerson => ApplicationStatus.ApprovedInPerson,
                Decision.ApproveOnline => ApplicationStatus.ApprovedOnline,
                Decision.Waitlist => ApplicationStatus.Waitlisted,
                _ => ApplicationStatus.Declined,
            };
            if (before == target)
            {
                return application;
            }
            var now = time.GetUtcNow();
            ParticipationMode? newSeat = decision switch
            {
                Decision.ApproveInPerson => ParticipationMode.InPerson,
                Decision.ApproveOnline => ParticipationMode.Online,
                _ => null,
            };
            if (newSeat is { } wanted)
            {
                // Refused before anything moves, so a refusal leaves every seat where it was.
                if (application.SeatMode != wanted)
                {
                    EnsureSeatAvailable(dialogue, wanted);
                }
            }
            if (application.SeatMode is { } held)
            {
                await seats.ReleaseSeatAsync(dialogue, held, application.Id, c);
            }
            switch (decision)
            {
                case Decision.ApproveInPerson or Decision.ApproveOnline:
                    dialogue.TakeSeat(newSeat!.Value);
                    application.Approve(newSeat.Value, now, actor.Subject);
                    break;
                case Decision.Waitlist:
                    application.PutOnWaitlist(await seats.NextNumberAsync(c), now, actor.Subject);
                    break;
                default:
                    application.Decline(now, actor.Subject);
                    break;
            }
            var position = application.Status == ApplicationStatus.Waitlisted ? await queries.WaitlistPositionAsync(application, c) + 1 : 0;
            events.Decided(dialogue, application, before, position);
            mails.Decision(dialogue, application, position);
            return application;
        }, ct);
    }

    public Task<DialogueApplication> AssessExpertiseAsync(Guid applicationId, ExpertiseAssessment assessment, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(assessment))
        {
            throw DomainException.Invalid("assessment", "Choose proven, not proven or not assessed.");
        }
        return db.InTransactionAsync(async c =>
        {
            var application = await LoadAsync(applicationId, c);
            application.AssessExpertise(assessment);
            return application;
        }, ct);
    }

    public Task<DialogueApplication> RecordAttendanceAsync(Guid applicationId, Attendance attendance, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(attendance) || attendance == Attendance.NotRecorded)
        {
            throw DomainException.Invalid("attendance", "Choose attended in person, attended online or absent.");
        }
        return db.InTransactionAsync(async c =>
        {
            var application = await LoadAsync(applicationId, c);
            if (application.Attendance == attendance)
            {
                return application;
            }
            application.RecordAttendance(attendance);
            var dialogue = await db.Dialogues.AsNoTracking().SingleAsync(d => d.Id == application.DialogueId, c);
            events.AttendanceRecorded(dialogue, application);
            return application;
        }, ct);
    }

    private static void EnsureSeatAvailable(Domain.Dialogues.ConstructiveDialogue dialogue, ParticipationMode mode)
    {
        if (!dialogue.Offers(mode) || !dialogue.HasFreeSeat(mode))
        {
            // TakeSeat names the exact reason (mode not offered, or all seats taken).
            dialogue.TakeSeat(mode);
        }
    }

    private async Task<DialogueApplication> LoadAsync(Guid applicationId, CancellationToken ct) =>
        await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct)
        ?? throw DomainException.NotFound("APPLICATION_NOT_FOUND", $"application/{applicationId}", "No such application.");
}
