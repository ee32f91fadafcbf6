using ReviewMechanism.ServiceDefaults.Authorization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Documents.Api.Application.Access;
using Documents.Api.Application.Documents;
using Documents.Api.Data;
using Documents.Api.Data.Blobs;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Application.Files;

/// <summary>
/// Streams files in and out: an upload is checked (who, size, type by content, checksum) while it arrives and
/// stored only whole; a download streams the blob in chunks and checks the checksum on the way out.
/// </summary>
public sealed class FileTransfers(
    DocumentsDbContext db,
    DocumentAccess access,
    DocumentReader reader,
    ContentAddressedBlobStore blobs,
    IOptions<DocumentsOptions> options,
    TimeProvider time)
{
    public async Task<StoredFile> UploadAsync(Caller caller, UploadRequest request, IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, CancellationToken ct)
    {
        var (document, who, _) = await access.ReadableAsync(caller, request.DocumentId, ct);
        DocumentAccess.Require(who, document, DocumentAction.Edit);
        var fileName = FileTypes.CleanFileName(request.FileName ?? "");
        var violations = new List<FieldViolation>();
        if (fileName.Length == 0)
        {
            violations.Add(new FieldViolation("metadata.file_name", "Give the file's name."));
        }
        var sha256 = (request.Sha256 ?? "").Trim().ToLowerInvariant();
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            violations.Add(new FieldViolation("metadata.sha256", "Give the SHA-256 of the whole file, 64 hexadecimal digits."));
        }
        var max = options.Value.MaxFileSize;
        if (request.DeclaredSize > max)
        {
            violations.Add(new FieldViolation("metadata.size", $"{request.DeclaredSize:N0} bytes is more than the {max / (1024 * 1024)} MB a supporting file may have."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        await using var incoming = blobs.BeginWrite(max);
        await foreach (var chunk in chunks.WithCancellation(ct))
        {
            await incoming.WriteAsync(chunk, ct);
        }
        if (request.DeclaredSize > 0 && incoming.Size != request.DeclaredSize)
        {
            throw DomainException.Invalid("metadata.size", $"{incoming.Size:N0} bytes arrived, not the {request.DeclaredSize:N0} declared; nothing was stored.");
        }
        var (hash, mediaType) = await incoming.CompleteAsync(sha256, ct);
        var file = new StoredFile(Guid.CreateVersion7(), document.Id, fileName, mediaType, incoming.Size, hash, request.Category, caller.Subject, time.GetUtcNow());
        db.Files.Add(file);
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>The file and its bytes, if the caller may read a version of its document that includes it (or, for <paramref name="publicOnly"/>, the published one).</summary>
    public async Task<(StoredFile File, IAsyncEnumerable<ReadOnlyMemory<byte>> Content)> DownloadAsync(Caller caller, Guid fileId, bool publicOnly, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw FileNotFound(fileId);
        Domain.Documents.Document document;
        ReadLevel level;
        try
        {
            (document, _, level) = await access.ReadableAsync(publicOnly ? Caller.Anonymous : caller, file.DocumentId, ct);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            throw FileNotFound(fileId);
        }
        var readable = await reader.ReadableFilesAsync(document, level, ct);
        if (!readable.Any(f => f.Id == file.Id))
        {
            throw FileNotFound(fileId);
        }
        return (file, StreamAsync(file, ct));
    }

    private async IAsyncEnumerable<ReadOnlyMemory<byte>> StreamAsync(StoredFile file, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new byte[options.Value.DownloadChunkSize];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = blobs.OpenRead(file.Sha256);
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
            // The consumer writes the chunk out before asking for the next one: the buffer is reused.
            yield return buffer.AsMemory(0, read);
        }
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (total != file.Size || sha256 != file.Sha256)
        {
            throw new BlobCorruptedException(file.Id, file.Sha256, sha256);
        }
    }

    private static DomainException FileNotFound(Guid fileId) =>
        DomainException.NotFound("FILE_NOT_FOUND", $"file/{fileId}", $"No file {fileId} exists that you may download.");
}
