using System.Security.Cryptography;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// A large "PDF" generated chunk by chunk from a seed (random bytes after a PDF header), so a 100 MiB file is never
/// whole in the test's memory either; the same seed gives the same bytes and SHA-256.
/// </summary>
public sealed class SeededPdf
{
    public const int ChunkSize = 1024 * 1024;

    public SeededPdf(long size, int seed)
    {
        Size = size;
        Seed = seed;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var chunk in Chunks())
        {
            hash.AppendData(chunk.Span);
        }
        Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public long Size { get; }

    public int Seed { get; }

    public string Sha256 { get; }

    /// <summary>The bytes in chunks of <see cref="ChunkSize"/>; each chunk is valid until the next one is asked for.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Chunks()
    {
        var random = new Random(Seed);
        var buffer = new byte[ChunkSize];
        for (long offset = 0; offset < Size; offset += ChunkSize)
        {
            var length = (int)Math.Min(ChunkSize, Size - offset);
            random.NextBytes(buffer);
            if (offset == 0)
            {
                "%PDF-1.7\n"u8.CopyTo(buffer);
            }
            yield return buffer.AsMemory(0, length);
        }
    }
}
