using Engagement.Api.Domain.Common;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Trainings;

/// <summary>One participant of a training, registered alone or nominated by an organization.</summary>
public sealed class TrainingRegistration
{
    private TrainingRegistration()
    {
    }

    public Guid Id { get; private set; }

    public Guid TrainingId { get; private set; }

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string EmailKey { get; private set; } = "";

    public string Organization { get; private set; } = "";

    public StakeholderCategory OrganizationCategory { get; private set; }

    public string Country { get; private set; } = "";

    public string Language { get; private set; } = "";

    /// <summary>The organization that nominated the participant; null for an individual registration.</summary>
    public string? NominatingOrganization { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public string SubmittedBy { get; private set; } = "";

    public static TrainingRegistration Register(
        Training training, string fullName, string email, string organization, StakeholderCategory category, string country,
        string language, string? nominatingOrganization, string idempotencyKey, string submittedBy, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        TextRules.Required(violations, "full_name", fullName, 120);
        if (string.IsNullOrWhiteSpace(email) || !EmailAddress.IsValid(email.Trim()))
        {
            violations.Add(new("email", "Give one e-mail address, like name@example.org."));
        }
        TextRules.Required(violations, "organization", organization, 200);
        if (!Enum.IsDefined(category))
        {
            violations.Add(new("organization_category", "Choose the category of the organization."));
        }
        if (!Countries.IsKnown(country))
        {
            violations.Add(new("country", "Choose a country."));
        }
        if (!training.Languages.Contains(language))
        {
            violations.Add(new("language", $"This training is given in {string.Join(", ", training.Languages)}."));
        }
        TextRules.Optional(violations, "nominating_organization", nominatingOrganization, 200);
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        training.EnsureRegistrationOpen(now);
        return new TrainingRegistration
        {
            Id = Guid.CreateVersion7(now),
            TrainingId = training.Id,
            FullName = fullName.Trim(),
            Email = email.Trim(),
            EmailKey = EmailAddress.Normalize(email),
            Organization = organization.Trim(),
            OrganizationCategory = category,
            Country = country,
            Language = language,
            NominatingOrganization = string.IsNullOrWhiteSpace(nominatingOrganization) ? null : nominatingOrganization.Trim(),
            Status = RegistrationStatus.Registered,
            RegisteredAt = now,
            IdempotencyKey = idempotencyKey,
            SubmittedBy = submittedBy,
        };
    }

    public void Cancel()
    {
        if (Status == RegistrationStatus.Completed)
        {
            throw DomainException.Precondition("ALREADY_COMPLETED", $"training-registration/{Id}", "A completed training cannot be cancelled.");
        }
        Status = RegistrationStatus.Cancelled;
    }

    public void Complete(DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Cancelled)
        {
            throw DomainException.Precondition("REGISTRATION_CANCELLED", $"training-registration/{Id}", "This registration was cancelled.");
        }
        if (Status == RegistrationStatus.Completed)
        {
            return;
        }
        Status = RegistrationStatus.Completed;
        CompletedAt = now;
    }
}
