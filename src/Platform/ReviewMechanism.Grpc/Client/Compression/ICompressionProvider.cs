using System.IO.Compression;

namespace ReviewMechanism.Grpc.Client;

/// <summary>A message compression algorithm, named as in <c>grpc-encoding</c> ("gzip").</summary>
public interface ICompressionProvider
{
    /// <summary>The <c>grpc-encoding</c> name.</summary>
    string EncodingName { get; }

    /// <summary>A stream that compresses what is written to it into <paramref name="output"/>.</summary>
    Stream CreateCompressionStream(Stream output, CompressionLevel? compressionLevel);

    /// <summary>A stream that reads the decompressed form of <paramref name="input"/>.</summary>
    Stream CreateDecompressionStream(Stream input);
}
