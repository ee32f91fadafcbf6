using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using Reporting.Api.Data.Projections;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>
/// The Engagement service's events: constructive-dialogue applications (submitted, decided, withdrawn, attendance)
/// and SE4U training registrations (recorded, cancelled, completed) (queue <c>reporting.engagement-events</c>).
/// </summary>
public sealed class EngagementEventsConsumer(IIntegrationEventInbox inbox, EngagementProjection projection)
    : IConsumer<DialogueApplicationSubmitted>, IConsumer<DialogueApplicationDecided>, IConsumer<DialogueApplicationWithdrawn>,
      IConsumer<DialogueAttendanceRecorded>, IConsumer<TrainingRegistrationRecorded>, IConsumer<TrainingRegistrationCancelled>,
      IConsumer<TrainingCompleted>
{
    public Task Consume(ConsumeContext<DialogueApplicationSubmitted> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.SubmittedAsync(EngagementEventFacts.Application(e.ApplicationId, e.Dialogue, e.Organization, e.OccurredAt), ct));

    public Task Consume(ConsumeContext<DialogueApplicationDecided> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.DecidedAsync(EngagementEventFacts.Application(e.ApplicationId, e.Dialogue, e.Organization, e.OccurredAt), EngagementEventFacts.Outcome(e.Outcome), ct));

    public Task Consume(ConsumeContext<DialogueApplicationWithdrawn> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.WithdrawnAsync(EngagementEventFacts.Application(e.ApplicationId, e.Dialogue, e.Organization, e.OccurredAt), ct));

    public Task Consume(ConsumeContext<DialogueAttendanceRecorded> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.AttendanceAsync(EngagementEventFacts.Application(e.ApplicationId, e.Dialogue, e.Organization, e.OccurredAt), EngagementEventFacts.Attendance(e.Attendance), ct));

    public Task Consume(ConsumeContext<TrainingRegistrationRecorded> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.RegisteredAsync(new RegistrationFact(e.RegistrationId, e.TrainingId, e.Course, EngagementEventFacts.Kind(e.Kind), EventFacts.Party(e.Country),
            e.Organization, EngagementEventFacts.Category(e.OrganizationCategory), EventFacts.At(e.OccurredAt)), ct));

    public Task Consume(ConsumeContext<TrainingRegistrationCancelled> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.CancelledAsync(new RegistrationFact(e.RegistrationId, e.TrainingId, e.Course, EngagementEventFacts.Kind(e.Kind), EventFacts.Party(e.Country),
            e.Organization, "", EventFacts.At(e.OccurredAt)), ct));

    public Task Consume(ConsumeContext<TrainingCompleted> context) => inbox.ApplyOnceAsync(context, (e, ct) =>
        projection.CompletedAsync(new RegistrationFact(e.RegistrationId, e.TrainingId, e.Course, EngagementEventFacts.Kind(e.Kind), EventFacts.Party(e.Country),
            e.Organization, EngagementEventFacts.Category(e.OrganizationCategory), EventFacts.At(e.OccurredAt)), ct));
}
