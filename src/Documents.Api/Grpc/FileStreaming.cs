using Documents.Api.Application.Files;
using Google.Protobuf;
using Grpc.Core;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Api.Grpc;

/// <summary>A file down a server stream: its metadata, then its bytes chunk by chunk (each written before the next is read).</summary>
internal static class FileStreaming
{
    public static async Task SendAsync(FileTransfers files, Caller caller, Guid fileId, bool publicOnly, IServerStreamWriter<DownloadFileResponse> stream, CancellationToken ct)
    {
        var (file, content) = await files.DownloadAsync(caller, fileId, publicOnly, ct);
        await stream.WriteAsync(new DownloadFileResponse { Metadata = DocumentMapping.ToProto(file) }, ct);
        try
        {
            await foreach (var chunk in content.WithCancellation(ct))
            {
                // Serialized into the response before WriteAsync completes, so the buffer may be reused after it.
                await stream.WriteAsync(new DownloadFileResponse { Chunk = UnsafeByteOperations.UnsafeWrap(chunk) }, ct);
            }
        }
        catch (BlobCorruptedException error)
        {
            throw new RpcException(new Status(StatusCode.DataLoss, error.Message));
        }
    }
}
