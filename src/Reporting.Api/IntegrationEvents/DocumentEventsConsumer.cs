using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using Reporting.Api.Data.Projections;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>
/// The Documents service's events: questionnaires and written feedback transmitted, lists of observations finalized
/// (with their technical assistance needs), summaries and documents published (queue <c>reporting.document-events</c>).
/// </summary>
public sealed class DocumentEventsConsumer(IIntegrationEventInbox inbox, DocumentProjection projection)
    : IConsumer<QuestionnaireTransmitted>, IConsumer<WrittenFeedbackTransmitted>, IConsumer<ListOfObservationsFinalized>,
      IConsumer<SummaryPublished>, IConsumer<DocumentPublished>
{
    public Task Consume(ConsumeContext<QuestionnaireTransmitted> context) => inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(
        Fact(DocumentProjection.Questionnaire, e.DocumentId, e.Version, e.CountryReviewId, e.Party, e.OccurredAt, e.Language, 0), ct));

    public Task Consume(ConsumeContext<WrittenFeedbackTransmitted> context) => inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(
        Fact(DocumentProjection.WrittenFeedback, e.DocumentId, e.Version, e.CountryReviewId, e.Party, e.OccurredAt, e.Language, 0), ct));

    public Task Consume(ConsumeContext<ListOfObservationsFinalized> context) => inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(
        Fact(DocumentProjection.ListOfObservations, e.DocumentId, e.Version, e.CountryReviewId, e.Party, e.OccurredAt, e.Language, e.TechnicalAssistanceNeeds), ct));

    public Task Consume(ConsumeContext<SummaryPublished> context) => inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(
        Fact(DocumentProjection.Summary, e.DocumentId, e.Version, e.CountryReviewId, e.Party, e.OccurredAt, e.Language, 0), ct));

    public Task Consume(ConsumeContext<DocumentPublished> context) => inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(
        Fact(DocumentProjection.Published, e.DocumentId, e.Version, e.CountryReviewId, e.Party, e.OccurredAt, e.Language, 0), ct));

    /// <summary>One row per kind, document and version; a document without an id is keyed by its review and party.</summary>
    public static DocumentFact Fact(string kind, string documentId, int version, string reviewId, string party, Google.Protobuf.WellKnownTypes.Timestamp? at, string language, int needs)
    {
        var review = EventFacts.Id(reviewId);
        var iso3 = EventFacts.Party(party);
        var key = documentId.Length > 0 ? $"{kind}:{documentId}:{version}" : $"{kind}:{review}:{iso3}";
        return new DocumentFact(key, kind, review, iso3, EventFacts.At(at), language.Trim().ToLowerInvariant(), needs);
    }
}
