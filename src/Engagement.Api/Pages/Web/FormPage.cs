using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Pages.Web;

/// <summary>What the form pages share: errors next to fields, a general error, the client's address for rate limits.</summary>
public abstract class FormPage(UiText text) : PageModel
{
    public const string GeneralError = "";

    protected UiText Text { get; } = text;

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string? InvalidClass(string field) => ErrorOf(field) is null ? null : "invalid";

    public string? DescribedBy(string field, string? hint = null) =>
        string.Join(' ', new[] { hint, ErrorOf(field) is null ? null : field + "-error" }.Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;

    public FieldModel Field(string field) => new(field, ErrorOf(field));

    public IEnumerable<(string Field, string Message)> FieldErrors =>
        ModelState.Where(e => e.Key != GeneralError && e.Value!.Errors.Count > 0).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));

    public string? General => ErrorOf(GeneralError);

    protected string ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Puts a refusal of the use case on the form: each wrong field next to itself, the rest at the top.</summary>
    protected void Show(DomainException refusal, IReadOnlyDictionary<string, string> formFields, string prefix)
    {
        if (refusal.Kind == DomainErrorKind.InvalidArgument && refusal.Violations.Count > 0)
        {
            foreach (var violation in refusal.Violations)
            {
                var key = formFields.TryGetValue(violation.Field, out var name) ? prefix + name : GeneralError;
                ModelState.AddModelError(key, Text.FieldMessage(violation.Field, violation.Description));
            }
            return;
        }
        if (refusal.Kind == DomainErrorKind.AlreadyExists && formFields.TryGetValue(refusal.Subject, out var field))
        {
            var message = Text["dup." + refusal.Subject];
            ModelState.AddModelError(prefix + field, message.StartsWith("dup.", StringComparison.Ordinal) ? refusal.Message : message);
            return;
        }
        var general = Text[refusal.Code];
        ModelState.AddModelError(GeneralError, general == refusal.Code ? refusal.Message : general);
    }
}
