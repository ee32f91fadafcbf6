using Documents.Api.Domain.Documents;

namespace Documents.Api.Application.Documents;

/// <summary>The input of <see cref="DocumentCommands.CreateAsync"/>.</summary>
public sealed record CreateDocument(
    string RequestId,
    string CountryReviewId,
    DocumentKind? Kind,
    string Party,
    string Language,
    Guid? OriginalDocumentId,
    Guid? RespondsToDocumentId,
    DocumentContent Content);
