using System.Globalization;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Dialogues;
using ReviewMechanism.ServiceDefaults.Errors;
using V1 = ReviewMechanism.Engagement.V1;

namespace Engagement.Api.Grpc;

/// <summary>Request fields to domain values; a wrong one is INVALID_ARGUMENT naming the field.</summary>
public static class Requests
{
    public static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw DomainException.Invalid(field, $"'{TextRules.Cut(value ?? "")}' is not an id.");

    public static DateOnly Date(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw DomainException.Invalid(field, "Give a date as YYYY-MM-DD.");

    public static DateOnly? OptionalDate(string value, string field) => string.IsNullOrEmpty(value) ? null : Date(value, field);

    public static int Offset(string pageToken) =>
        string.IsNullOrEmpty(pageToken) ? 0
        : int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
        : throw DomainException.Invalid("page_token", "Send back the next_page_token of the previous page.");

    public static DialogueTopic Topic(V1.DialogueTopic topic) => Defined<DialogueTopic>((int)topic, "topic", "Choose the working group the dialogue follows.");

    public static Venue Venue(V1.Venue venue) => Defined<Venue>((int)venue, "venue", "Choose Vienna, online or hybrid.");

    public static StakeholderCategory Category(V1.StakeholderCategory category) => (StakeholderCategory)(int)category;

    public static ApplicationStatus Status(V1.ApplicationStatus status) => Defined<ApplicationStatus>((int)status, "statuses", "Unknown status.");

    public static Decision Decision(V1.Decision decision) => (Decision)(int)decision;

    public static ExpertiseAssessment Assessment(V1.ExpertiseAssessment assessment) => (ExpertiseAssessment)(int)assessment;

    public static Attendance Attendance(V1.Attendance attendance) => (Attendance)(int)attendance;

    public static Domain.Trainings.TrainingKind TrainingKind(V1.TrainingKind kind) => (Domain.Trainings.TrainingKind)(int)kind;

    public static DialogueSchedule Schedule(V1.ScheduleDialogueRequest request) => new(
        Topic(request.Topic), request.Session, request.Title, Date(request.HeldOn, "held_on"), Venue(request.Venue),
        request.InPersonCapacity, request.OnlineCapacity, Date(request.LastDayToApply, "last_day_to_apply"),
        string.IsNullOrEmpty(request.TimeZone) ? LocalDeadline.Vienna : request.TimeZone,
        request.ApplyingCategories.Count == 0 ? ConstructiveDialogue.DefaultApplyingCategories : request.ApplyingCategories.Select(Category).ToList(),
        request.AttendingCategories.Count == 0 ? ConstructiveDialogue.DefaultAttendingCategories : request.AttendingCategories.Select(Category).ToList(),
        request.AutomaticApproval);

    public static ApplicationDetails Details(V1.SubmitApplicationRequest request) => new(
        new Organization(request.Organization?.Name ?? "", Category(request.Organization?.Category ?? V1.StakeholderCategory.Unspecified),
            request.Organization?.Country ?? "", string.IsNullOrEmpty(request.Organization?.Website) ? null : request.Organization.Website,
            request.Organization?.GrassrootsOrVictimLed ?? false),
        request.Contact?.FullName ?? "", request.Expertise, (ParticipationMode)(int)request.RequestedMode, request.TravelSupportRequested,
        string.IsNullOrEmpty(request.Language) ? "en" : request.Language);

    private static T Defined<T>(int value, string field, string message)
        where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw DomainException.Invalid(field, message);
}
