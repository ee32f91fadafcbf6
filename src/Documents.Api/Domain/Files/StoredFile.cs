namespace Documents.Api.Domain.Files;

/// <summary>A file uploaded to a document: its name and category, and the content-addressed blob it points to.</summary>
public sealed class StoredFile
{
    private StoredFile()
    {
    }

    public StoredFile(Guid id, Guid documentId, string fileName, string mediaType, long size, string sha256, FileCategory category, string uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = id;
        DocumentId = documentId;
        FileName = fileName;
        MediaType = mediaType;
        Size = size;
        Sha256 = sha256;
        Category = category;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public string FileName { get; private set; } = "";

    public string MediaType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content: the blob's address.</summary>
    public string Sha256 { get; private set; } = "";

    public FileCategory Category { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
