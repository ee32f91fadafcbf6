using System.Runtime.CompilerServices;
using Documents.Api.Application.Files;
using Google.Protobuf;
using Grpc.Core;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Grpc;

public sealed partial class DocumentsGrpcService
{
    /// <summary>Metadata first, then chunks, handed to the use case one by one as they arrive (never gathered in memory).</summary>
    public override async Task<StoredFile> UploadFile(IAsyncStreamReader<UploadFileRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct) || requestStream.Current.PartCase != UploadFileRequest.PartOneofCase.Metadata)
        {
            throw DomainException.Invalid("metadata", "Send the file's metadata (document, name, SHA-256) first, then its bytes in chunks.");
        }
        var metadata = requestStream.Current.Metadata;
        var request = new UploadRequest(ContentMapping.Id(metadata.DocumentId, "metadata.document_id"), metadata.FileName, DocumentMapping.ToDomain(metadata.Category), metadata.Sha256, metadata.Size);
        return DocumentMapping.ToProto(await files.UploadAsync(context.GetCaller(), request, ChunksAsync(requestStream, ct), ct));
    }

    public override Task DownloadFile(DownloadFileRequest request, IServerStreamWriter<DownloadFileResponse> responseStream, ServerCallContext context) =>
        FileStreaming.SendAsync(files, context.GetCaller(), ContentMapping.Id(request.FileId, "file_id"), publicOnly: false, responseStream, context.CancellationToken);

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksAsync(IAsyncStreamReader<UploadFileRequest> stream, [EnumeratorCancellation] CancellationToken ct)
    {
        while (await stream.MoveNext(ct))
        {
            if (stream.Current.PartCase != UploadFileRequest.PartOneofCase.Chunk)
            {
                throw DomainException.Invalid("chunk", "After the metadata, send only chunks of the file.");
            }
            yield return stream.Current.Chunk.Memory;
        }
    }
}
