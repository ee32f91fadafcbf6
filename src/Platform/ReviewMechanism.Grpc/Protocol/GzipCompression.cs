using System.IO.Compression;

namespace ReviewMechanism.Grpc.Protocol;

/// <summary>gzip message compression (grpc-encoding: gzip), with a limit on the decompressed size.</summary>
public static class GzipCompression
{
    public static byte[] Compress(ReadOnlySpan<byte> data) => Compress(data, CompressionLevel.Fastest);

    public static byte[] Compress(ReadOnlySpan<byte> data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    /// <summary>Decompresses; throws RESOURCE_EXHAUSTED when the result would exceed <paramref name="limit"/>.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> data, int limit, string direction)
    {
        using var input = new MemoryStream(data.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > limit)
                {
                    throw MessageFraming.MessageTooLarge(output.Length + read, limit, direction);
                }
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Could not decompress a gzip message: " + ex.Message));
        }
        return output.ToArray();
    }

    /// <summary>True when an accept-encoding list (comma separated) names the encoding.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }
        foreach (var part in acceptEncoding.Split(','))
        {
            if (part.Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
