using Documents.Api.Application;
using Microsoft.Extensions.Options;

namespace Documents.Api.Data.Blobs;

/// <summary>
/// Files stored by their SHA-256 under <c>{DataDirectory}/blobs/ab/cd/abcd…</c>. An upload is written to
/// <c>incoming/</c> while it arrives (hashed and size-checked on the way, never held in memory) and renamed into
/// place only once complete and verified, so an interrupted upload leaves no blob; leftovers of a crash are
/// removed at start.
/// </summary>
public sealed class ContentAddressedBlobStore
{
    private readonly string _blobs;
    private readonly string _incoming;

    public ContentAddressedBlobStore(IOptions<DocumentsOptions> options)
    {
        var root = options.Value.DataDirectory;
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new InvalidOperationException("Documents:DataDirectory is not set (the AppHost passes Documents__DataDirectory): the service needs a folder for its files.");
        }
        _blobs = Path.Combine(Path.GetFullPath(root), "blobs");
        _incoming = Path.Combine(Path.GetFullPath(root), "incoming");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(_incoming);
    }

    public string IncomingFolder => _incoming;

    public IncomingBlob BeginWrite(long maxSize) =>
        new(Path.Combine(_incoming, $"{Guid.NewGuid():N}.part"), maxSize, this);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public FileStream OpenRead(string sha256) =>
        new(PathOf(sha256), new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan, BufferSize = 0 });

    /// <summary>Removes uploads a crash left half-written; returns how many.</summary>
    public int SweepIncoming()
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(_incoming, "*.part"))
        {
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    internal void Commit(string temporary, string sha256)
    {
        var target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same content is stored already (its address is its hash).
            File.Delete(temporary);
        }
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"Not a SHA-256: {sha256}", nameof(sha256));
        }
        var hex = sha256.ToLowerInvariant();
        return Path.Combine(_blobs, hex[..2], hex[2..4], hex);
    }
}
