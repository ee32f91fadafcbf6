using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Pages.Web;
using Microsoft.AspNetCore.Mvc;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Pages.Status;

/// <summary>One application, for the applicant who proved who they are: its status, the change form, withdrawal.</summary>
public sealed class ManageModel(
    ApplicationUseCases applications, ApplicationQueries queries, DialogueUseCases dialogues, ManageAccess access, UiText text, TimeProvider time)
    : FormPage(text), IApplicationFormPage
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    [BindProperty]
    public bool ConfirmWithdrawal { get; set; }

    public DialogueApplication Application { get; private set; } = null!;

    public ConstructiveDialogue Dialogue { get; private set; } = null!;

    public int? WaitlistPosition { get; private set; }

    public bool Open { get; private set; }

    public string? Notice { get; private set; }

    public bool AsksEmail => false;

    public async Task<IActionResult> OnGetAsync([FromQuery] int confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Redirect($"{Request.PathBase}/status");
        }
        Form = ApplicationForm.From(Application);
        Notice = confirmed == 1 ? Text["ConfirmedText"] : TempData["Notice"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Redirect($"{Request.PathBase}/status");
        }
        ModelState.Clear();
        try
        {
            await applications.ChangeAsync(Application.Id, Form.ToDetails(Application.Language), Actor.Applicant, ct);
            TempData["Notice"] = Text["Changed"];
            return Redirect($"{Request.PathBase}/status/manage");
        }
        catch (DomainException refusal) when (refusal.Kind != DomainErrorKind.NotFound)
        {
            Form.Email = Application.ContactEmail;
            Show(refusal, ApplicationForm.FieldNames, "Form.");
            Response.StatusCode = refusal.Kind == DomainErrorKind.InvalidArgument ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Redirect($"{Request.PathBase}/status");
        }
        ModelState.Clear();
        Form = ApplicationForm.From(Application);
        if (!ConfirmWithdrawal)
        {
            ModelState.AddModelError(nameof(ConfirmWithdrawal), Text["WithdrawConfirm"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await applications.WithdrawAsync(Application.Id, Actor.Applicant, ct);
            TempData["Notice"] = Text["Withdrawn"];
            return Redirect($"{Request.PathBase}/status/manage");
        }
        catch (DomainException refusal) when (refusal.Kind != DomainErrorKind.NotFound)
        {
            Show(refusal, ApplicationForm.FieldNames, "Form.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (access.Granted(Request) is not { } id)
        {
            return false;
        }
        try
        {
            Application = await queries.GetAsync(id, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            ManageAccess.Revoke(Response);
            return false;
        }
        Dialogue = await dialogues.GetAsync(Application.DialogueId, ct);
        Open = Dialogue.IsOpen(time.GetUtcNow()) && Application.Status != ApplicationStatus.Withdrawn;
        var ahead = await queries.WaitlistPositionAsync(Application, ct);
        WaitlistPosition = ahead >= 0 ? ahead + 1 : null;
        return true;
    }
}
