using System.Net;
using Google.Protobuf;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>
/// The body of a call with exactly one request message. The message is serialized when HttpClient
/// sends the body, straight into a pooled frame buffer that is returned at once.
/// </summary>
internal sealed class UnaryContent : HttpContent
{
    private readonly IMessage _message;
    private readonly int _size;
    private readonly ICompressionProvider? _compression;

    public UnaryContent(IMessage message, int size, ICompressionProvider? compression)
    {
        _message = message;
        _size = size;
        _compression = compression;
        Headers.TryAddWithoutValidation("Content-Type", GrpcHeaders.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        MessageSerializer.WriteMessageAsync(stream, _message, _size, _compression, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        if (_compression is null)
        {
            length = MessageFraming.HeaderSize + _size;
            return true;
        }
        length = -1;
        return false;
    }
}
