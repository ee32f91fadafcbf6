using Google.Protobuf.WellKnownTypes;
using Reporting.Api.Data.Projections;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>The facts the read models keep from the Engagement service's events; enum values by their names without prefix.</summary>
public static class EngagementEventFacts
{
    public static ApplicationFact Application(string applicationId, DialogueRef? dialogue, ApplicantOrganization? organization, Timestamp? at) => new(
        applicationId,
        dialogue?.DialogueId ?? "",
        Topic(dialogue?.Topic ?? DialogueTopic.Unspecified),
        dialogue?.Session ?? "",
        dialogue?.HeldOn is { } held ? DateOnly.FromDateTime(held.ToDateTime()) : null,
        organization?.Name ?? "",
        Category(organization?.Category ?? StakeholderCategory.Unspecified),
        EventFacts.Party(organization?.Country ?? ""),
        EventFacts.At(at));

    public static string Topic(DialogueTopic topic) => topic switch
    {
        DialogueTopic.TraffickingInPersons => "TRAFFICKING_IN_PERSONS",
        DialogueTopic.SmugglingOfMigrants => "SMUGGLING_OF_MIGRANTS",
        DialogueTopic.Firearms => "FIREARMS",
        DialogueTopic.InternationalCooperation => "INTERNATIONAL_COOPERATION",
        DialogueTopic.TechnicalAssistance => "TECHNICAL_ASSISTANCE",
        _ => "UNSPECIFIED",
    };

    public static string Category(StakeholderCategory category) => category switch
    {
        StakeholderCategory.Ngo => "NGO",
        StakeholderCategory.Academia => "ACADEMIA",
        StakeholderCategory.PrivateSector => "PRIVATE_SECTOR",
        StakeholderCategory.StateParty => "STATE_PARTY",
        StakeholderCategory.Signatory => "SIGNATORY",
        StakeholderCategory.NonSignatory => "NON_SIGNATORY",
        StakeholderCategory.IntergovernmentalOrganization => "INTERGOVERNMENTAL_ORGANIZATION",
        _ => "UNSPECIFIED",
    };

    public static string Outcome(ApplicationOutcome outcome) => outcome switch
    {
        ApplicationOutcome.ApprovedInPerson => "APPROVED_IN_PERSON",
        ApplicationOutcome.ApprovedOnline => "APPROVED_ONLINE",
        ApplicationOutcome.Waitlisted => "WAITLISTED",
        ApplicationOutcome.Declined => "DECLINED",
        _ => "UNSPECIFIED",
    };

    public static string Attendance(AttendanceOutcome attendance) => attendance switch
    {
        AttendanceOutcome.AttendedInPerson => "ATTENDED_IN_PERSON",
        AttendanceOutcome.AttendedOnline => "ATTENDED_ONLINE",
        AttendanceOutcome.Absent => "ABSENT",
        _ => "UNSPECIFIED",
    };

    public static string Kind(TrainingKind kind) => kind switch
    {
        TrainingKind.SelfPacedCourse => "SELF_PACED_COURSE",
        TrainingKind.OnlineWorkshop => "ONLINE_WORKSHOP",
        _ => "UNSPECIFIED",
    };
}
