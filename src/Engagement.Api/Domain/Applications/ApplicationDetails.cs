using Engagement.Api.Domain.Common;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Applications;

/// <summary>
/// What an applicant fills in (and may change until the deadline), checked field by field. Field names are the
/// API's (<c>organization.name</c>, <c>contact.email</c>, ...); the web form shows each message next to its field.
/// </summary>
public sealed record ApplicationDetails(
    Organization Organization,
    string ContactName,
    string Expertise,
    ParticipationMode RequestedMode,
    bool TravelSupportRequested,
    string Language)
{
    public const int MaxNameLength = 200;
    public const int MaxContactNameLength = 120;
    public const int MaxExpertiseLength = 4000;
    public const int MaxWebsiteLength = 300;
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    /// <summary>The rules that need no dialogue; each wrong field once.</summary>
    public List<FieldViolation> Check()
    {
        var violations = new List<FieldViolation>();
        TextRules.Required(violations, "organization.name", Organization.Name, MaxNameLength);
        if (!Enum.IsDefined(Organization.Category))
        {
            violations.Add(new("organization.category", "Choose the category of the organization."));
        }
        if (!Countries.IsKnown(Organization.Country))
        {
            violations.Add(new("organization.country", "Choose the country the organization is based in."));
        }
        if (!string.IsNullOrEmpty(Organization.Website))
        {
            TextRules.Optional(violations, "organization.website", Organization.Website, MaxWebsiteLength);
            if (!Uri.TryCreate(Organization.Website, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
            {
                violations.Add(new("organization.website", "Give the full address, starting with https:// or http://."));
            }
        }
        TextRules.Required(violations, "contact.full_name", ContactName, MaxContactNameLength);
        TextRules.Required(violations, "expertise", Expertise, MaxExpertiseLength, multiline: true);
        if (!Enum.IsDefined(RequestedMode))
        {
            violations.Add(new("requested_mode", "Choose in person or online."));
        }
        if (TravelSupportRequested && !Organization.GrassrootsOrVictimLed)
        {
            violations.Add(new("travel_support_requested", "Travel support is for grassroots and victim-led organizations."));
        }
        if (!Languages.Contains(Language))
        {
            violations.Add(new("language", "Choose English or French."));
        }
        return violations.DistinctBy(v => v.Field).ToList();
    }

    public static void CheckEmail(List<FieldViolation> violations, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            violations.Add(new("contact.email", "This field is required."));
        }
        else if (!EmailAddress.IsValid(email.Trim()))
        {
            violations.Add(new("contact.email", "Give one e-mail address, like name@example.org."));
        }
    }

    public ApplicationDetails Trimmed() => this with
    {
        Organization = Organization with
        {
            Name = Organization.Name.Trim(),
            Country = Organization.Country.Trim().ToUpperInvariant(),
            Website = string.IsNullOrWhiteSpace(Organization.Website) ? null : Organization.Website.Trim(),
        },
        ContactName = ContactName.Trim(),
        Expertise = Expertise.Trim(),
    };
}
