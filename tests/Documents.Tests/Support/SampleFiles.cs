using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Documents.Tests.Support;

/// <summary>Files as parties upload them: PDFs and DOCX packages by content, and things that only pretend to be.</summary>
public static class SampleFiles
{
    /// <summary>A PDF header followed by <paramref name="size"/> bytes in all (random, so nothing compresses or repeats).</summary>
    public static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return memory.ToArray();
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] bytes, int chunkSize = 64 * 1024, int? failAfterChunks = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sent = 0;
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            if (failAfterChunks == sent)
            {
                throw new OperationCanceledException("The client went away.");
            }
            await Task.Yield();
            yield return bytes.AsMemory(offset, Math.Min(chunkSize, bytes.Length - offset));
            sent++;
        }
    }
}
