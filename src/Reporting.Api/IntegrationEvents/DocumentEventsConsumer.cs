using MassTransit;
using Reporting.Api.Data.Projections;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>The Documents service's events: questionnaires, written feedback, lists of observations (queue <c>reporting.document-events</c>).</summary>
public sealed class DocumentEventsConsumer(ReadModelInbox inbox, DocumentProjection projection)
    : IConsumer<QuestionnaireSubmitted>, IConsumer<WrittenFeedbackSubmitted>, IConsumer<ListOfObservationsFinalized>
{
    public Task Consume(ConsumeContext<QuestionnaireSubmitted> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(Fact(DocumentProjection.Questionnaire, e.CountryReviewId, e.Party, EventFacts.At(e.SubmittedAt), 0), ct));

    public Task Consume(ConsumeContext<WrittenFeedbackSubmitted> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(Fact(DocumentProjection.WrittenFeedback, e.CountryReviewId, e.ReviewerParty, EventFacts.At(e.SubmittedAt), 0), ct));

    public Task Consume(ConsumeContext<ListOfObservationsFinalized> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.RecordAsync(Fact(DocumentProjection.ListOfObservations, e.CountryReviewId, "", EventFacts.At(e.FinalizedAt), 0), ct));

    /// <summary>These events name no document: the key is the kind, the review and the party (one of each per review).</summary>
    private static DocumentFact Fact(string kind, string reviewId, string party, DateTimeOffset at, int needs)
    {
        var review = EventFacts.Id(reviewId);
        var iso3 = EventFacts.Party(party);
        return new DocumentFact($"{kind}:{review}:{iso3}", kind, review, iso3, at, "", needs);
    }
}
