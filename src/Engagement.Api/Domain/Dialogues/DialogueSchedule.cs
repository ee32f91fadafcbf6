using Engagement.Api.Domain.Common;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Api.Domain.Dialogues;

/// <summary>What the secretariat gives to schedule a dialogue.</summary>
public sealed record DialogueSchedule(
    DialogueTopic Topic,
    string Session,
    string Title,
    DateOnly HeldOn,
    Venue Venue,
    int InPersonCapacity,
    int OnlineCapacity,
    DateOnly LastDayToApply,
    string TimeZoneId,
    IReadOnlyList<StakeholderCategory> ApplyingCategories,
    IReadOnlyList<StakeholderCategory> AttendingCategories,
    bool AutomaticApproval)
{
    public const int MaxCapacity = 100_000;

    public void Validate()
    {
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(Topic))
        {
            violations.Add(new("topic", "Choose the working group the dialogue follows."));
        }
        TextRules.Required(violations, "session", Session, 200);
        TextRules.Required(violations, "title", Title, 200);
        if (!Enum.IsDefined(Venue))
        {
            violations.Add(new("venue", "Choose Vienna, online or hybrid."));
        }
        if (InPersonCapacity is < 0 or > MaxCapacity || OnlineCapacity is < 0 or > MaxCapacity)
        {
            violations.Add(new("capacity", $"Capacities are between 0 and {MaxCapacity}."));
        }
        else if (Venue == Venue.Vienna && (InPersonCapacity == 0 || OnlineCapacity != 0)
            || Venue == Venue.Online && (OnlineCapacity == 0 || InPersonCapacity != 0)
            || Venue == Venue.Hybrid && (InPersonCapacity == 0 || OnlineCapacity == 0))
        {
            violations.Add(new("capacity", "In Vienna: in-person seats only; online: online seats only; hybrid: both."));
        }
        if (LastDayToApply >= HeldOn)
        {
            violations.Add(new("last_day_to_apply", "Applications must close before the day of the dialogue."));
        }
        if (!LocalDeadline.IsKnownZone(TimeZoneId))
        {
            violations.Add(new("time_zone", $"Unknown time zone '{TextRules.Cut(TimeZoneId)}'."));
        }
        if (ApplyingCategories.Count == 0 || ApplyingCategories.Any(c => !Enum.IsDefined(c)) || AttendingCategories.Any(c => !Enum.IsDefined(c)))
        {
            violations.Add(new("applying_categories", "Name at least one category that applies, and only known categories."));
        }
        else if (ApplyingCategories.Intersect(AttendingCategories).Any())
        {
            violations.Add(new("attending_categories", "A category either applies or attends without applying, not both."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
    }
}
