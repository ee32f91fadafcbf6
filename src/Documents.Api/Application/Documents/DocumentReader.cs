using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Application.Access;
using Documents.Api.Data;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Application.Documents;

/// <summary>Documents as the caller may see them: which versions, which files, which translations, which actions.</summary>
public sealed class DocumentReader(DocumentsDbContext db, DocumentAccess access)
{
    /// <summary>The document with one version: the latest the caller may read (0) or the one asked for.</summary>
    public async Task<DocumentView> GetAsync(Caller caller, Guid documentId, int version, CancellationToken ct)
    {
        var (document, who, level) = await access.ReadableAsync(caller, documentId, ct);
        var number = version == 0 ? LatestReadable(document, level) : version;
        if (!MayRead(document, level, number))
        {
            throw DomainException.NotFound("VERSION_NOT_FOUND", $"{document.Subject}/v{version}", $"Version {version} of this {document.Kind.Describe()} does not exist or is not one you may read.");
        }
        var shown = await db.Versions.AsNoTracking().SingleAsync(v => v.DocumentId == document.Id && v.Number == number, ct);
        return await ViewAsync(document, who, level, shown, ct);
    }

    /// <summary>The document without content, for lists.</summary>
    public Task<DocumentView> SummaryAsync(Document document, AccessContext who, ReadLevel level, CancellationToken ct) =>
        ViewAsync(document, who, level, null, ct);

    /// <summary>The versions the caller may read, oldest first.</summary>
    public async Task<IReadOnlyList<DocumentVersion>> VersionsAsync(Caller caller, Guid documentId, CancellationToken ct)
    {
        var (document, _, level) = await access.ReadableAsync(caller, documentId, ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id).OrderBy(v => v.Number).ToListAsync(ct);
        return versions.Where(v => MayRead(document, level, v.Number)).ToList();
    }

    public async Task<(DocumentVersion From, DocumentVersion To, IReadOnlyList<FieldChange> Changes)> DiffAsync(Caller caller, Guid documentId, int from, int to, CancellationToken ct)
    {
        var (document, _, level) = await access.ReadableAsync(caller, documentId, ct);
        foreach (var (number, field) in new[] { (from, "from_version"), (to, "to_version") })
        {
            if (!MayRead(document, level, number))
            {
                throw DomainException.Invalid(field, $"Version {number} does not exist or is not one you may read.");
            }
        }
        var both = await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var older = both.Single(v => v.Number == from);
        var newer = both.Single(v => v.Number == to);
        return (older, newer, ContentDiff.Between(older.Content, newer.Content));
    }

    public static int LatestReadable(Document document, ReadLevel level) => level switch
    {
        ReadLevel.Drafts => document.LatestVersion,
        ReadLevel.Transmitted => Math.Max(document.TransmittedVersion, document.PublishedVersion),
        _ => document.PublishedVersion,
    };

    /// <summary>Drafts readers: every version; the other parties: the transmitted ones; the public: the published one.</summary>
    public static bool MayRead(Document document, ReadLevel level, int number) => number >= 1 && number <= document.LatestVersion && level switch
    {
        ReadLevel.Drafts => true,
        ReadLevel.Transmitted => document.TransmittedVersions.Contains(number) || number == document.PublishedVersion,
        ReadLevel.Published => number == document.PublishedVersion,
        _ => false,
    };

    private async Task<DocumentView> ViewAsync(Document document, AccessContext who, ReadLevel level, DocumentVersion? shown, CancellationToken ct)
    {
        var files = await ReadableFilesAsync(document, level, ct);
        var translations = await db.Documents.AsNoTracking().Where(d => d.OriginalDocumentId == document.Id).Include(d => d.Steps).ToListAsync(ct);
        var visibleTranslations = translations.Where(t => AccessPolicy.ReadLevel(who, DocumentFacts.Of(t)) > ReadLevel.None).Select(t => t.Id).ToList();
        return new DocumentView(document, shown, level, files, visibleTranslations, AccessPolicy.AllowedActions(who, DocumentFacts.Of(document)));
    }

    /// <summary>Drafts readers see every file of the document; others the files the versions they may read refer to.</summary>
    public async Task<IReadOnlyList<StoredFile>> ReadableFilesAsync(Document document, ReadLevel level, CancellationToken ct)
    {
        var files = await db.Files.AsNoTracking().Where(f => f.DocumentId == document.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        if (level == ReadLevel.Drafts || files.Count == 0)
        {
            return files;
        }
        var readable = await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id).Select(v => new { v.Number, v.Content }).ToListAsync(ct);
        var referenced = readable.Where(v => MayRead(document, level, v.Number)).SelectMany(v => ContentFields.ReferencedFiles(v.Content)).ToHashSet();
        return files.Where(f => referenced.Contains(f.Id)).ToList();
    }
}
