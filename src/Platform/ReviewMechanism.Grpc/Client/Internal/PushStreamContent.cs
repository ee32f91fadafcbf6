using System.Net;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>The side of a streaming call that the request body hands its stream to.</summary>
internal interface IRequestStreamOwner
{
    /// <summary>The request body stream is open (headers sent): writes may start.</summary>
    void OnRequestStreamReady(Stream stream);

    /// <summary>Completes when the caller half-closes (END_STREAM follows) or the call ends.</summary>
    Task RequestCompleted { get; }
}

/// <summary>
/// The body of a client-streaming or duplex call: HttpClient sends the headers at once, then the
/// call's writer pushes framed messages into the stream (awaiting HTTP/2 flow control, which is the
/// backpressure) until CompleteAsync half-closes it.
/// </summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly IRequestStreamOwner _owner;

    public PushStreamContent(IRequestStreamOwner owner)
    {
        _owner = owner;
        Headers.TryAddWithoutValidation("Content-Type", GrpcHeaders.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // Send the request headers now, before any message, so the server can start the call
        // (a duplex server may answer before the client writes).
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _owner.OnRequestStreamReady(stream);
        await _owner.RequestCompleted.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
