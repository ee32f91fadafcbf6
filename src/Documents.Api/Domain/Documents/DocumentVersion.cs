namespace Documents.Api.Domain.Documents;

/// <summary>One immutable version of a document: what it said, who wrote it, when, and why.</summary>
public sealed class DocumentVersion
{
    private DocumentVersion()
    {
    }

    public DocumentVersion(Guid documentId, int number, DocumentContent content, string author, string changeNote, DateTimeOffset createdAt, string contentSha256, int articlesDone)
    {
        DocumentId = documentId;
        Number = number;
        Content = content;
        Author = author;
        ChangeNote = changeNote;
        CreatedAt = createdAt;
        ContentSha256 = contentSha256;
        ArticlesDone = articlesDone;
    }

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public DocumentContent Content { get; private set; } = DocumentContent.Empty;

    public string Author { get; private set; } = "";

    public string ChangeNote { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>SHA-256 of the content's canonical JSON: equal contents, equal hashes.</summary>
    public string ContentSha256 { get; private set; } = "";

    public int ArticlesDone { get; private set; }
}
