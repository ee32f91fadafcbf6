using System.Text;
using Engagement.Api.Data;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Application;

/// <summary>Reading applications: one, a page of a dialogue's (proven expertise first, then arrival), a waitlist position, the participants CSV.</summary>
public sealed class ApplicationQueries(EngagementDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<DialogueApplication> GetAsync(Guid applicationId, CancellationToken ct = default) =>
        await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct)
        ?? throw DomainException.NotFound("APPLICATION_NOT_FOUND", $"application/{applicationId}", "No such application.");

    public async Task<DialogueApplication> GetByReferenceAsync(string reference, CancellationToken ct = default)
    {
        var normalized = ApplicationReference.Normalize(reference ?? "");
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Reference == normalized, ct)
            ?? throw DomainException.NotFound("APPLICATION_NOT_FOUND", $"application/{TextRules.Cut(normalized)}", "No application has this reference.");
    }

    /// <summary>How many applications are ahead on the waitlist for the same mode (0 = next to get a seat).</summary>
    public Task<int> WaitlistPositionAsync(DialogueApplication application, CancellationToken ct = default) =>
        application.Status != ApplicationStatus.Waitlisted
            ? Task.FromResult(-1)
            : db.Applications.CountAsync(a => a.DialogueId == application.DialogueId && a.Status == ApplicationStatus.Waitlisted
                && a.RequestedMode == application.RequestedMode && a.WaitlistNumber < application.WaitlistNumber, ct);

    /// <summary>A page of a dialogue's applications that count (or of the given statuses), proven expertise first, then in arrival order.</summary>
    public async Task<ApplicationPage> ListAsync(Guid dialogueId, IReadOnlyCollection<ApplicationStatus> statuses, int pageSize, int offset, CancellationToken ct = default)
    {
        if (pageSize is < 0 or > MaxPageSize || offset < 0)
        {
            throw DomainException.Invalid("page_size", $"A page holds 1 to {MaxPageSize} applications.");
        }
        pageSize = pageSize == 0 ? 100 : pageSize;
        var query = db.Applications.AsNoTracking().Where(a => a.DialogueId == dialogueId);
        query = statuses.Count == 0
            ? query.Where(a => a.Status != ApplicationStatus.PendingVerification)
            : query.Where(a => statuses.Contains(a.Status));
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(a => a.ExpertiseAssessment == ExpertiseAssessment.Proven ? 0 : 1)
            .ThenBy(a => a.ArrivalNumber)
            .ThenBy(a => a.SubmittedAt)
            .Skip(offset).Take(pageSize)
            .ToListAsync(ct);
        return new ApplicationPage(items, total, offset + items.Count < total ? offset + items.Count : null);
    }

    /// <summary>Counters of a dialogue besides its seats.</summary>
    public async Task<(int Waitlisted, int AwaitingDecision)> CountsAsync(Guid dialogueId, CancellationToken ct = default)
    {
        var counts = await db.Applications.AsNoTracking()
            .Where(a => a.DialogueId == dialogueId && (a.Status == ApplicationStatus.Waitlisted || a.Status == ApplicationStatus.Submitted))
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return (counts.FirstOrDefault(c => c.Status == ApplicationStatus.Waitlisted)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Status == ApplicationStatus.Submitted)?.Count ?? 0);
    }

    /// <summary>The approved participants of a dialogue, as CSV (RFC 4180, UTF-8, header row), in person first then online.</summary>
    public async Task<(byte[] Content, int Rows)> ExportParticipantsAsync(Guid dialogueId, CancellationToken ct = default)
    {
        if (!await db.Dialogues.AnyAsync(d => d.Id == dialogueId, ct))
        {
            throw DomainException.NotFound("DIALOGUE_NOT_FOUND", $"dialogue/{dialogueId}", "No such constructive dialogue.");
        }
        var participants = await db.Applications.AsNoTracking()
            .Where(a => a.DialogueId == dialogueId && (a.Status == ApplicationStatus.ApprovedInPerson || a.Status == ApplicationStatus.ApprovedOnline))
            .OrderBy(a => a.Status).ThenBy(a => a.ArrivalNumber)
            .ToListAsync(ct);
        var csv = new StringBuilder();
        csv.Append("reference,organization,category,country,contact_name,contact_email,participation,travel_support_requested,grassroots_or_victim_led,expertise,attendance\r\n");
        foreach (var a in participants)
        {
            Csv.Row(csv, a.Reference, a.Organization.Name, a.Organization.Category.ToString(), a.Organization.Country, a.ContactName, a.ContactEmail,
                a.Status == ApplicationStatus.ApprovedInPerson ? "in person" : "online", a.TravelSupportRequested ? "yes" : "no",
                a.Organization.GrassrootsOrVictimLed ? "yes" : "no", a.ExpertiseAssessment.ToString(), a.Attendance.ToString());
        }
        return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), participants.Count);
    }
}

public sealed record ApplicationPage(IReadOnlyList<DialogueApplication> Items, int Total, int? NextOffset);
