using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;

namespace Documents.Api.Application.CountryProfiles;

public sealed record CountryProfileSummary(string Party, int PublishedDocuments, DateTimeOffset LastPublishedAt);

/// <summary>A published document as the public sees it: its published version only.</summary>
public sealed record PublishedDocumentInfo(Document Document, string Title, DateTimeOffset PublishedAt, IReadOnlyList<StoredFile> Files);

public sealed record CountryProfile(string Party, IReadOnlyList<PublishedDocumentInfo> Documents);

public sealed record PublishedDocument(PublishedDocumentInfo Info, DocumentContent Content);

public sealed record SearchHit(PublishedDocumentInfo Document, string Snippet, float Rank);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, string NextPageToken);
