using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;

namespace Documents.Api.Application;

/// <summary>
/// A document as one caller may see it: the version shown (null in lists), how far the caller may read, the files it
/// may download, its translations, and what the caller may do with it.
/// </summary>
public sealed record DocumentView(
    Document Document,
    DocumentVersion? Version,
    ReadLevel Level,
    IReadOnlyList<StoredFile> Files,
    IReadOnlyList<Guid> TranslationIds,
    IReadOnlyList<DocumentAction> AllowedActions)
{
    /// <summary>The latest version this caller may read.</summary>
    public int VisibleLatest => Level switch
    {
        ReadLevel.Drafts => Document.LatestVersion,
        ReadLevel.Transmitted => Math.Max(Document.TransmittedVersion, Document.PublishedVersion),
        _ => Document.PublishedVersion,
    };

    /// <summary>Workflow steps and comments stay with the authoring side (drafts readers).</summary>
    public IReadOnlyList<ClearanceStep> Steps => Level == ReadLevel.Drafts ? Document.Steps : [];
}
