using Engagement.Api.Domain.Common;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Trainings;

/// <summary>An SE4U training: a self-paced course or an online workshop, in some UN languages, with a registration deadline.</summary>
public sealed class Training
{
    public static readonly IReadOnlyList<string> UnLanguages = ["ar", "en", "es", "fr", "ru", "zh"];

    private Training()
    {
    }

    public Guid Id { get; private set; }

    public TrainingKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public List<string> Languages { get; private set; } = [];

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int WorkloadHours { get; private set; }

    public DateOnly LastDayToRegister { get; private set; }

    public string TimeZoneId { get; private set; } = LocalDeadline.Vienna;

    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public LocalDeadline Deadline => new(LastDayToRegister, TimeZoneId);

    public static Training Schedule(
        TrainingKind kind, string title, string description, IReadOnlyList<string> languages, DateOnly startsOn, DateOnly endsOn,
        int workloadHours, DateOnly lastDayToRegister, string timeZoneId, string? idempotencyKey, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(kind))
        {
            violations.Add(new("kind", "Choose a self-paced course or an online workshop."));
        }
        TextRules.Required(violations, "title", title, 200);
        TextRules.Optional(violations, "description", description, 4000, multiline: true);
        if (languages.Count == 0 || languages.Any(l => !UnLanguages.Contains(l)))
        {
            violations.Add(new("languages", "Name one or more UN languages: ar, en, es, fr, ru, zh."));
        }
        if (endsOn < startsOn)
        {
            violations.Add(new("ends_on", "The training ends on or after the day it starts."));
        }
        if (workloadHours is < 1 or > 500)
        {
            violations.Add(new("workload_hours", "Between 1 and 500 hours."));
        }
        if (lastDayToRegister > startsOn)
        {
            violations.Add(new("last_day_to_register", "Registration closes on or before the first day."));
        }
        if (!LocalDeadline.IsKnownZone(timeZoneId))
        {
            violations.Add(new("time_zone", $"Unknown time zone '{TextRules.Cut(timeZoneId)}'."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        return new Training
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Title = title.Trim(),
            Description = description.Trim(),
            Languages = [.. languages.Distinct()],
            StartsOn = startsOn,
            EndsOn = endsOn,
            WorkloadHours = workloadHours,
            LastDayToRegister = lastDayToRegister,
            TimeZoneId = timeZoneId,
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
        };
    }

    public void EnsureRegistrationOpen(DateTimeOffset now)
    {
        if (Deadline.HasPassed(now))
        {
            throw DomainException.Precondition("REGISTRATION_CLOSED", $"training/{Id}",
                $"Registration closed at midnight {TimeZoneId} time at the end of {LastDayToRegister:d MMMM yyyy}.");
        }
    }
}
