using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;

namespace Engagement.Api.Pages.Web;

/// <summary>
/// The application form as posted (every field a string or bool, so whatever was typed comes back into the form
/// when a submission is refused). <see cref="Homepage"/> is the honeypot: hidden from people, filled by bots.
/// </summary>
public sealed class ApplicationForm
{
    public string? OrganizationName { get; set; }

    public string? Category { get; set; }

    public string? Country { get; set; }

    public string? Website { get; set; }

    public bool GrassrootsOrVictimLed { get; set; }

    public string? ContactName { get; set; }

    public string? Email { get; set; }

    public string? Expertise { get; set; }

    public string? Mode { get; set; }

    public bool TravelSupport { get; set; }

    public string? Homepage { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>The domain's field names and the form's, so each message is shown next to its field.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>
    {
        ["organization.name"] = nameof(OrganizationName),
        ["organization.category"] = nameof(Category),
        ["organization.country"] = nameof(Country),
        ["organization.website"] = nameof(Website),
        ["contact.full_name"] = nameof(ContactName),
        ["contact.email"] = nameof(Email),
        ["expertise"] = nameof(Expertise),
        ["requested_mode"] = nameof(Mode),
        ["travel_support_requested"] = nameof(TravelSupport),
    };

    public ApplicationDetails ToDetails(string language) => new(
        new Organization(OrganizationName ?? "", Enum.TryParse<StakeholderCategory>(Category, out var c) ? c : 0,
            Country ?? "", Website, GrassrootsOrVictimLed),
        ContactName ?? "", Expertise ?? "", Enum.TryParse<ParticipationMode>(Mode, out var m) ? m : 0, TravelSupport, language);

    public static ApplicationForm From(DialogueApplication application) => new()
    {
        OrganizationName = application.Organization.Name,
        Category = application.Organization.Category.ToString(),
        Country = application.Organization.Country,
        Website = application.Organization.Website,
        GrassrootsOrVictimLed = application.Organization.GrassrootsOrVictimLed,
        ContactName = application.ContactName,
        Email = application.ContactEmail,
        Expertise = application.Expertise,
        Mode = application.RequestedMode.ToString(),
        TravelSupport = application.TravelSupportRequested,
    };
}
