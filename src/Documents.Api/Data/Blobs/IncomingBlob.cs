using System.IO.Compression;
using System.Security.Cryptography;
using Documents.Api.Domain.Files;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Data.Blobs;

/// <summary>
/// An upload in progress: chunks are hashed and appended to a temporary file; the type is checked from the first
/// bytes, the size against the cap; <see cref="CompleteAsync"/> verifies the checksum and moves the file into the
/// store. Disposed without completing (an error, a cancelled call), it deletes what it wrote.
/// </summary>
public sealed class IncomingBlob : IAsyncDisposable
{
    private readonly string _path;
    private readonly long _maxSize;
    private readonly ContentAddressedBlobStore _store;
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _header = new byte[FileTypes.HeaderLength];
    private int _headerLength;
    private HeaderKind _kind = HeaderKind.Unknown;
    private bool _completed;

    internal IncomingBlob(string path, long maxSize, ContentAddressedBlobStore store)
    {
        _path = path;
        _maxSize = maxSize;
        _store = store;
        _file = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous, BufferSize = 0 });
    }

    public long Size { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (Size + chunk.Length > _maxSize)
        {
            throw DomainException.Invalid("chunk", $"The file is larger than the {_maxSize / (1024 * 1024)} MB a supporting file may have; nothing was stored.");
        }
        if (_headerLength < _header.Length)
        {
            var take = Math.Min(_header.Length - _headerLength, chunk.Length);
            chunk.Span[..take].CopyTo(_header.AsSpan(_headerLength));
            _headerLength += take;
            if (_headerLength == _header.Length)
            {
                CheckHeader();
            }
        }
        _hash.AppendData(chunk.Span);
        await _file.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        Size += chunk.Length;
    }

    /// <summary>Verifies and stores the file; returns its SHA-256 and detected type.</summary>
    public async Task<(string Sha256, string MediaType)> CompleteAsync(string declaredSha256, CancellationToken cancellationToken)
    {
        if (Size == 0)
        {
            throw DomainException.Invalid("chunk", "The file is empty; nothing was stored.");
        }
        CheckHeader();
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Flush(flushToDisk: true);
        await _file.DisposeAsync().ConfigureAwait(false);
        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (!string.Equals(sha256, declaredSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid("metadata.sha256", $"The file arrived with SHA-256 {sha256}, not the {Cut(declaredSha256)} declared: it was changed or cut on the way; nothing was stored.");
        }
        var mediaType = _kind == HeaderKind.Pdf ? FileTypes.Pdf : FileTypes.Docx;
        if (_kind == HeaderKind.Zip && !IsWordPackage())
        {
            throw NotAllowed("a ZIP archive that is not a Word (DOCX) document");
        }
        _store.Commit(_path, sha256);
        _completed = true;
        return (sha256, mediaType);
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        _hash.Dispose();
        if (!_completed)
        {
            File.Delete(_path);
        }
    }

    private void CheckHeader()
    {
        _kind = FileTypes.Sniff(_header.AsSpan(0, _headerLength));
        if (_kind == HeaderKind.Unknown)
        {
            throw NotAllowed("neither a PDF nor a DOCX document");
        }
    }

    private bool IsWordPackage()
    {
        try
        {
            using var archive = ZipFile.OpenRead(_path);
            return FileTypes.IsWordPackage(archive.Entries.Select(e => e.FullName));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static DomainException NotAllowed(string what) =>
        DomainException.Invalid("chunk", $"The file's content is {what}: supporting files are PDF or DOCX (checked by content, not by name); nothing was stored.");

    private static string Cut(string s) => s.Length > 64 ? s[..64] + "…" : s;
}
