using NpgsqlTypes;

namespace Documents.Api.Data;

/// <summary>
/// The searchable text of a published document's published version; <see cref="SearchVector"/> is computed by
/// PostgreSQL with the text search configuration of the document's language.
/// </summary>
public sealed class PublishedText
{
    public Guid DocumentId { get; set; }

    public string CountryReviewId { get; set; } = "";

    public string Party { get; set; } = "";

    public string Language { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }

    public NpgsqlTsVector? SearchVector { get; set; }
}
