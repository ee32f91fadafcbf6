using Engagement.Api.Application;
using Engagement.Api.Data;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Pages.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Pages;

/// <summary>
/// The application form. A refused submission comes back with every typed value and each error next to its field;
/// the form's idempotency key makes a replayed submission return the first application instead of a second one.
/// </summary>
public sealed class ApplyModel(
    DialogueUseCases dialogues, ApplicationUseCases applications, EngagementDbContext db, WebRateLimiter limiter, UiText text, TimeProvider time)
    : FormPage(text), IApplicationFormPage
{
    public bool AsksEmail => true;

    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    public ConstructiveDialogue Dialogue { get; private set; } = null!;

    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Form = new ApplicationForm { IdempotencyKey = Guid.NewGuid().ToString("N"), Mode = Dialogue.Offers(Domain.Common.ParticipationMode.InPerson) ? "InPerson" : "Online" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // Model binding errors (a value of the wrong type) are the form's own: the use case checks every field.
        ModelState.Clear();
        if (!await limiter.TryAcquireAsync("apply", ClientAddress))
        {
            ModelState.AddModelError(GeneralError, Text["TooMany"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!string.IsNullOrEmpty(Form.Homepage))
        {
            ModelState.AddModelError(GeneralError, Text["FormRefusedText"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Form.IdempotencyKey = Form.IdempotencyKey is { Length: > 0 and <= 64 } key ? key : Guid.NewGuid().ToString("N");
        var storedKey = $"{Actor.Applicant.SubmitterName}:{Form.IdempotencyKey}";
        var replayed = await db.Applications.AsNoTracking().AnyAsync(a => a.IdempotencyKey == storedKey, ct);
        try
        {
            var application = await applications.SubmitAsync(
                new SubmitApplication(Form.IdempotencyKey, id, Form.ToDetails(Text.Language), Form.Email ?? "", ContactEmailVerified: false),
                Actor.Applicant, ct);
            TempData["Email"] = application.ContactEmail;
            return Redirect($"{Request.PathBase}/submitted/{application.Reference}{(replayed ? "?replayed=1" : "")}");
        }
        catch (DomainException refusal) when (refusal.Kind != DomainErrorKind.NotFound)
        {
            Show(refusal, ApplicationForm.FieldNames, "Form.");
            Response.StatusCode = refusal.Kind == DomainErrorKind.InvalidArgument ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
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
        Open = Dialogue.IsOpen(time.GetUtcNow());
        return true;
    }
}
