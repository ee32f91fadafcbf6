using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Domain.Trainings;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Outbox;
using DomainCategory = Engagement.Api.Domain.Common.StakeholderCategory;
using DomainMode = Engagement.Api.Domain.Common.ParticipationMode;

namespace Engagement.Api.IntegrationEvents;

/// <summary>
/// The facts of engagement_events.proto, added to the outbox in the same transaction as the change they report
/// (published by the outbox relay when messaging is configured). Through <see cref="IIntegrationEventOutbox"/>, so
/// the relay wakes when the transaction commits however the rows were written (a batch of arrivals writes them by
/// COPY, which SaveChanges does not see); without messaging the rows are stored all the same.
/// </summary>
public sealed class EngagementIntegrationEvents(DbContext db, TimeProvider time, IIntegrationEventOutbox? outbox)
{
    public void Submitted(ConstructiveDialogue dialogue, DialogueApplication application) =>
        Add(new DialogueApplicationSubmitted
        {
            ApplicationId = application.Id.ToString(),
            Dialogue = Ref(dialogue),
            Organization = Organization(application),
            RequestedMode = Mode(application.RequestedMode),
            TravelSupportRequested = application.TravelSupportRequested,
            OccurredAt = Now(),
        });

    public void Changed(ConstructiveDialogue dialogue, DialogueApplication application) =>
        Add(new DialogueApplicationChanged
        {
            ApplicationId = application.Id.ToString(),
            Dialogue = Ref(dialogue),
            Organization = Organization(application),
            RequestedMode = Mode(application.RequestedMode),
            TravelSupportRequested = application.TravelSupportRequested,
            OccurredAt = Now(),
        });

    public void Decided(ConstructiveDialogue dialogue, DialogueApplication application, ApplicationStatus previous, int waitlistPosition) =>
        Add(new DialogueApplicationDecided
        {
            ApplicationId = application.Id.ToString(),
            Dialogue = Ref(dialogue),
            Organization = Organization(application),
            Outcome = Outcome(application.Status),
            PreviousOutcome = Outcome(previous),
            WaitlistPosition = application.Status == ApplicationStatus.Waitlisted ? waitlistPosition : 0,
            Automatic = application.DecidedBy is null,
            DecidedBy = application.DecidedBy ?? "",
            OccurredAt = Now(),
        });

    public void Withdrawn(ConstructiveDialogue dialogue, DialogueApplication application, ApplicationStatus before) =>
        Add(new DialogueApplicationWithdrawn
        {
            ApplicationId = application.Id.ToString(),
            Dialogue = Ref(dialogue),
            Organization = Organization(application),
            OutcomeBefore = Outcome(before),
            OccurredAt = Now(),
        });

    public void AttendanceRecorded(ConstructiveDialogue dialogue, DialogueApplication application) =>
        Add(new DialogueAttendanceRecorded
        {
            ApplicationId = application.Id.ToString(),
            Dialogue = Ref(dialogue),
            Organization = Organization(application),
            Attendance = application.Attendance switch
            {
                Attendance.AttendedInPerson => AttendanceOutcome.AttendedInPerson,
                Attendance.AttendedOnline => AttendanceOutcome.AttendedOnline,
                Attendance.Absent => AttendanceOutcome.Absent,
                _ => AttendanceOutcome.Unspecified,
            },
            OccurredAt = Now(),
        });

    public void ChairSummaryPublished(ConstructiveDialogue dialogue) =>
        Add(new ReviewMechanism.Events.V1.ChairSummaryPublished
        {
            Dialogue = Ref(dialogue),
            SummaryUrl = dialogue.ChairSummary?.Url ?? "",
            NextSession = dialogue.ChairSummary?.NextSession ?? "",
            OccurredAt = Now(),
        });

    public void TrainingRegistered(Training training, TrainingRegistration registration) =>
        Add(new TrainingRegistrationRecorded
        {
            RegistrationId = registration.Id.ToString(),
            TrainingId = training.Id.ToString(),
            Course = training.Title,
            Kind = Kind(training.Kind),
            Language = registration.Language,
            Country = registration.Country,
            Organization = registration.Organization,
            OrganizationCategory = Category(registration.OrganizationCategory),
            Nominated = registration.NominatingOrganization is not null,
            OccurredAt = Now(),
        });

    public void TrainingCancelled(Training training, TrainingRegistration registration) =>
        Add(new TrainingRegistrationCancelled
        {
            RegistrationId = registration.Id.ToString(),
            TrainingId = training.Id.ToString(),
            Course = training.Title,
            Kind = Kind(training.Kind),
            Country = registration.Country,
            Organization = registration.Organization,
            OccurredAt = Now(),
        });

    public void TrainingCompleted(Training training, TrainingRegistration registration) =>
        Add(new ReviewMechanism.Events.V1.TrainingCompleted
        {
            RegistrationId = registration.Id.ToString(),
            TrainingId = training.Id.ToString(),
            Course = training.Title,
            Kind = Kind(training.Kind),
            Language = registration.Language,
            Country = registration.Country,
            Organization = registration.Organization,
            OrganizationCategory = Category(registration.OrganizationCategory),
            WorkloadHours = training.WorkloadHours,
            OccurredAt = Now(),
        });

    private void Add(Google.Protobuf.IMessage evt)
    {
        if (outbox is null)
        {
            db.AddIntegrationEvent(evt, time);
        }
        else
        {
            outbox.Add(evt);
        }
    }

    private Timestamp Now() => Timestamp.FromDateTimeOffset(time.GetUtcNow());

    private static DialogueRef Ref(ConstructiveDialogue dialogue) => new()
    {
        DialogueId = dialogue.Id.ToString(),
        Topic = (ReviewMechanism.Events.V1.DialogueTopic)(int)dialogue.Topic,
        Session = dialogue.Session,
        HeldOn = Timestamp.FromDateTime(dialogue.HeldOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
    };

    private static ApplicantOrganization Organization(DialogueApplication application) => new()
    {
        Name = application.Organization.Name,
        Category = Category(application.Organization.Category),
        Country = application.Organization.Country,
        GrassrootsOrVictimLed = application.Organization.GrassrootsOrVictimLed,
    };

    private static StakeholderCategory Category(DomainCategory category) => (StakeholderCategory)(int)category;

    private static ParticipationMode Mode(DomainMode mode) => (ParticipationMode)(int)mode;

    private static ReviewMechanism.Events.V1.TrainingKind Kind(Domain.Trainings.TrainingKind kind) => (ReviewMechanism.Events.V1.TrainingKind)(int)kind;

    private static ApplicationOutcome Outcome(ApplicationStatus status) => status switch
    {
        ApplicationStatus.ApprovedInPerson => ApplicationOutcome.ApprovedInPerson,
        ApplicationStatus.ApprovedOnline => ApplicationOutcome.ApprovedOnline,
        ApplicationStatus.Waitlisted => ApplicationOutcome.Waitlisted,
        ApplicationStatus.Declined => ApplicationOutcome.Declined,
        _ => ApplicationOutcome.Unspecified,
    };
}
