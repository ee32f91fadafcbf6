using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Pages.Web;
using Microsoft.AspNetCore.Mvc;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Pages.Secretariat;

/// <summary>
/// One dialogue's applications for the secretariat, proven expertise first then in arrival order: record the
/// Extended Bureau's decisions, assess expertise, record attendance, export the participants as CSV.
/// </summary>
public sealed class DialogueModel(DialogueUseCases dialogues, ApplicationQueries queries, DecisionUseCases decisions, UiText text) : FormPage(text)
{
    public const int PageSize = 100;

    public ConstructiveDialogue Dialogue { get; private set; } = null!;

    public ApplicationPage Applications { get; private set; } = new([], 0, null);

    [FromQuery(Name = "from")]
    public int From { get; set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Notice = TempData["Notice"] as string;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        var (content, _) = await queries.ExportParticipantsAsync(id, ct);
        return File(content, "text/csv; charset=utf-8", $"participants-{id}.csv");
    }

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid applicationId, Decision decision, CancellationToken ct) =>
        ActAsync(id, ct, () => decisions.DecideAsync(applicationId, decision, null, Caller, ct));

    public Task<IActionResult> OnPostExpertiseAsync(Guid id, Guid applicationId, ExpertiseAssessment assessment, CancellationToken ct) =>
        ActAsync(id, ct, () => decisions.AssessExpertiseAsync(applicationId, assessment, ct));

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid applicationId, Attendance attendance, CancellationToken ct) =>
        ActAsync(id, ct, () => decisions.RecordAttendanceAsync(applicationId, attendance, ct));

    private Actor Caller => Actor.Secretariat(User.FindFirst("sub")?.Value ?? User.Identity?.Name ?? "secretariat");

    private async Task<IActionResult> ActAsync(Guid id, CancellationToken ct, Func<Task<DialogueApplication>> action)
    {
        try
        {
            var application = await action();
            TempData["Notice"] = $"{application.Reference}: {Text["Status." + application.Status]}";
            return Redirect($"{Request.PathBase}/secretariat/dialogue/{id}?from={From}");
        }
        catch (DomainException refusal) when (refusal.Kind != DomainErrorKind.NotFound)
        {
            ModelState.AddModelError(GeneralError, refusal.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Dialogue = await dialogues.GetAsync(id, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            return false;
        }
        Applications = await queries.ListAsync(id, [], PageSize, Math.Max(0, From), ct);
        return true;
    }
}
