namespace Documents.Api.Domain.Documents;

/// <summary>Where a new document belongs (checked by the use case before it starts).</summary>
public sealed record DocumentStart(
    Guid Id,
    string RequestId,
    string CountryReviewId,
    DocumentKind Kind,
    string Party,
    string PartyUnderReview,
    int Cluster,
    int Phase,
    string Language,
    Guid? OriginalDocumentId,
    Guid? RespondsToDocumentId);
