using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace ReviewMechanism.ReverseProxy.Forwarder;

internal enum RequestBodyOutcome
{
    Success,
    Canceled,
    ClientError,
    DestinationError,
    TooLarge,
}

internal sealed record RequestBodyResult(RequestBodyOutcome Outcome, Exception? Exception, string? Detail = null);

/// <summary>
/// The request body of a forwarded request: bytes are read from the client as they arrive and written
/// to the destination at once, with a flush after each write (HttpClient otherwise holds HTTP/2 request
/// data in its buffer), so client streaming and duplex calls flow message by message. Nothing is
/// buffered beyond one read. HttpClient sends it concurrently with receiving the response (HTTP/2 duplex).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private const int BufferSize = 64 * 1024;

    private readonly HttpRequest _request;
    private readonly ProxyCancellation _cancellation;
    private readonly RequestBodyLimits _limits;
    private readonly GrpcMessageSizeMeter? _messageMeter;
    private readonly TaskCompletionSource<RequestBodyResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public StreamingRequestContent(HttpRequest request, ProxyCancellation cancellation, RequestBodyLimits limits, bool isGrpc)
    {
        _request = request;
        _cancellation = cancellation;
        _limits = limits;
        if (isGrpc && limits.MaxGrpcMessageSize is long messageLimit)
        {
            _messageMeter = new GrpcMessageSizeMeter(messageLimit);
        }
    }

    public bool Started => Volatile.Read(ref _started) == 1;

    public bool InProgress => Started && !_completion.Task.IsCompleted;

    public Task<RequestBodyResult> Completion => _completion.Task;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A forwarded request body can be sent only once.");
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token, cancellationToken);
        var result = await CopyAsync(stream, linked.Token, cancellationToken).ConfigureAwait(false);
        _completion.TrySetResult(result);
        switch (result.Outcome)
        {
            case RequestBodyOutcome.Success:
                return;
            case RequestBodyOutcome.Canceled:
                throw new OperationCanceledException("The forwarded request body was cancelled.", result.Exception);
            default:
                // HttpClient must see the body as incomplete, so the destination's stream is reset.
                throw new IOException(result.Detail ?? "The request body could not be forwarded.", result.Exception);
        }
    }

    /// <param name="token">Ours and the destination's together.</param>
    /// <param name="destinationToken">HttpClient's: fires when the destination stops accepting the body (reset, connection lost).</param>
    private async Task<RequestBodyResult> CopyAsync(Stream destination, CancellationToken token, CancellationToken destinationToken)
    {
        try
        {
            // Send the request headers now: a duplex call may wait for the server before writing.
            await destination.FlushAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Failed(ex, RequestBodyOutcome.DestinationError, destinationToken);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await _request.Body.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return Failed(ex, RequestBodyOutcome.ClientError, destinationToken);
                }
                if (read == 0)
                {
                    return new RequestBodyResult(RequestBodyOutcome.Success, null);
                }
                _cancellation.ResetTimeout();

                total += read;
                if (_limits.MaxBodySize is long maxBody && total > maxBody)
                {
                    _cancellation.Cancel(ProxyCancelReason.RequestBodyTooLarge);
                    return new RequestBodyResult(RequestBodyOutcome.TooLarge, null, $"The request body is larger than the limit of {maxBody} bytes.");
                }
                if (_messageMeter is not null && !_messageMeter.Observe(buffer.AsSpan(0, read)))
                {
                    _cancellation.Cancel(ProxyCancelReason.RequestBodyTooLarge);
                    return new RequestBodyResult(RequestBodyOutcome.TooLarge, null,
                        $"A request message of {_messageMeter.OversizedMessageLength} bytes is larger than the limit of {_limits.MaxGrpcMessageSize} bytes.");
                }

                try
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
                    await destination.FlushAsync(token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return Failed(ex, RequestBodyOutcome.DestinationError, destinationToken);
                }
                _cancellation.ResetTimeout();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A cancellation of our own token is a cancel; the destination's token firing is the destination's doing, even during a read from the client.</summary>
    private RequestBodyResult Failed(Exception ex, RequestBodyOutcome otherwise, CancellationToken destinationToken)
    {
        if (ex is OperationCanceledException)
        {
            if (_cancellation.IsCancellationRequested)
            {
                return new RequestBodyResult(RequestBodyOutcome.Canceled, ex);
            }
            if (destinationToken.IsCancellationRequested)
            {
                return new RequestBodyResult(RequestBodyOutcome.DestinationError, ex);
            }
        }
        return new RequestBodyResult(otherwise, ex);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        throw new NotSupportedException("A forwarded request body is written to the destination, never read back.");
}
