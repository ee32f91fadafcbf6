using System.IO.Compression;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client;

/// <summary>gzip (<c>grpc-encoding: gzip</c>), the one algorithm every gRPC implementation supports.</summary>
public sealed class GzipCompressionProvider : ICompressionProvider
{
    public static readonly GzipCompressionProvider Default = new(CompressionLevel.Fastest);

    private readonly CompressionLevel _defaultLevel;

    public GzipCompressionProvider(CompressionLevel defaultLevel)
    {
        _defaultLevel = defaultLevel;
    }

    public string EncodingName => GrpcHeaders.GzipEncoding;

    public Stream CreateCompressionStream(Stream output, CompressionLevel? compressionLevel) =>
        new GZipStream(output, compressionLevel ?? _defaultLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream input) =>
        new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
}
