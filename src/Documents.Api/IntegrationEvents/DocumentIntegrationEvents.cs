using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Questionnaires;
using Documents.Api.Domain.Reviews;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ReviewMechanism.Events.V1;

namespace Documents.Api.IntegrationEvents;

/// <summary>The events of documents_events.proto, built from what changed (stored in the outbox with the change).</summary>
public static class DocumentIntegrationEvents
{
    /// <summary>The event a first transmission announces (questionnaire, feedback, list of observations), or null for other kinds.</summary>
    public static IMessage? Transmitted(Document document, DocumentVersion version, ReviewRecord review, Questionnaire questionnaire, DateTimeOffset at)
    {
        var entries = version.Content.Entries;
        return document.Kind switch
        {
            DocumentKind.SelfAssessmentQuestionnaire => new QuestionnaireTransmitted
            {
                CountryReviewId = document.CountryReviewId,
                Party = document.Party,
                Cluster = document.Cluster,
                Phase = document.Phase,
                OccurredAt = Timestamp.FromDateTimeOffset(at),
                TransmittedBy = document.Steps[^1].By,
                DocumentId = document.Id.ToString(),
                Version = version.Number,
                Language = document.Language,
                ArticlesAnswered = questionnaire.Articles.Count(a => entries.Any(e => e.ArticleId == a.Id && ContentRules.IsDone(e))),
                ArticlesTotal = questionnaire.Articles.Count,
            },
            DocumentKind.WrittenFeedback => new WrittenFeedbackTransmitted
            {
                CountryReviewId = document.CountryReviewId,
                Party = document.Party,
                PartyUnderReview = review.PartyUnderReview,
                Cluster = document.Cluster,
                Phase = document.Phase,
                OccurredAt = Timestamp.FromDateTimeOffset(at),
                TransmittedBy = document.Steps[^1].By,
                DocumentId = document.Id.ToString(),
                Version = version.Number,
                Language = document.Language,
                Comments = entries.Count(e => !string.IsNullOrWhiteSpace(e.Feedback?.Comment)),
                RequestsForClarification = entries.Count(e => !string.IsNullOrWhiteSpace(e.Feedback?.RequestForClarification)),
            },
            DocumentKind.ListOfObservations => new ListOfObservationsFinalized
            {
                CountryReviewId = document.CountryReviewId,
                Party = document.Party,
                Cluster = document.Cluster,
                Phase = document.Phase,
                OccurredAt = Timestamp.FromDateTimeOffset(at),
                FinalizedBy = document.Steps[^1].By,
                DocumentId = document.Id.ToString(),
                Version = version.Number,
                Language = document.Language,
                GapsAndChallenges = entries.Sum(e => e.Observation?.GapsAndChallenges.Count ?? 0),
                GoodPractices = entries.Sum(e => e.Observation?.GoodPractices.Count ?? 0),
                Suggestions = entries.Sum(e => e.Observation?.Suggestions.Count ?? 0),
                TechnicalAssistanceNeeds = entries.Sum(e => e.Observation?.TechnicalAssistanceNeeds.Count ?? 0),
            },
            _ => null,
        };
    }

    /// <summary>SummaryPublished for a summary (or its translation), DocumentPublished for anything else (para 41).</summary>
    public static IMessage Published(Document document, DocumentVersion version, ReviewRecord review, DateTimeOffset at)
    {
        if (document.Kind == DocumentKind.Summary)
        {
            return new SummaryPublished
            {
                CountryReviewId = document.CountryReviewId,
                Party = review.PartyUnderReview,
                Cluster = document.Cluster,
                Phase = document.Phase,
                OccurredAt = Timestamp.FromDateTimeOffset(at),
                PublishedBy = document.PublishedBy,
                DocumentId = document.Id.ToString(),
                Version = version.Number,
                Language = document.Language,
                OriginalDocumentId = document.OriginalDocumentId?.ToString() ?? "",
            };
        }
        return new DocumentPublished
        {
            CountryReviewId = document.CountryReviewId,
            Party = review.PartyUnderReview,
            Cluster = document.Cluster,
            Phase = document.Phase,
            OccurredAt = Timestamp.FromDateTimeOffset(at),
            PublishedBy = document.PublishedBy,
            DocumentId = document.Id.ToString(),
            Version = version.Number,
            Kind = document.Kind.Code(),
            Title = version.Content.Title,
            Language = document.Language,
            OriginalDocumentId = document.OriginalDocumentId?.ToString() ?? "",
        };
    }
}
