using System.IO.Pipelines;
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
/// to the destination at once, and flushed whenever the client has nothing more for now (HttpClient
/// otherwise holds HTTP/2 request data in its buffer), so client streaming and duplex calls flow message
/// by message while a unary request leaves in one write. Nothing is buffered beyond what Kestrel has read.
/// HttpClient sends it concurrently with receiving the response (HTTP/2 duplex).
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    /// <summary>Bytes written without a flush before one is forced even though more are waiting.</summary>
    private const int FlushThreshold = 64 * 1024;

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
        // The client's bytes are written from Kestrel's own request buffers (its PipeReader): no buffer of
        // ours, so concurrent calls never compete for pooled arrays, and an idle stream holds nothing.
        var reader = _request.BodyReader;
        long total = 0;
        var unflushed = 0;
        while (true)
        {
            ReadResult read;
            try
            {
                // Before waiting for the client, push out what was written (the request headers the first
                // time: a duplex call may wait for the server before it writes). While the client's bytes keep
                // coming nothing is flushed, so a unary call goes out as HEADERS, DATA and END_STREAM in one write.
                if (!reader.TryRead(out read) || unflushed >= FlushThreshold)
                {
                    if (unflushed > 0 || total == 0)
                    {
                        try
                        {
                            await destination.FlushAsync(token).ConfigureAwait(false);
                            unflushed = 0;
                        }
                        catch (Exception ex)
                        {
                            return Failed(ex, RequestBodyOutcome.DestinationError, destinationToken);
                        }
                    }
                    if (read.Buffer.IsEmpty && !read.IsCompleted)
                    {
                        read = await reader.ReadAsync(token).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex)
            {
                return Failed(ex, RequestBodyOutcome.ClientError, destinationToken);
            }

            var buffer = read.Buffer;
            try
            {
                if (read.IsCanceled)
                {
                    return new RequestBodyResult(RequestBodyOutcome.Canceled, null);
                }
                if (!buffer.IsEmpty)
                {
                    _cancellation.ResetTimeout();
                    total += buffer.Length;
                    if (_limits.MaxBodySize is long maxBody && total > maxBody)
                    {
                        _cancellation.Cancel(ProxyCancelReason.RequestBodyTooLarge);
                        return new RequestBodyResult(RequestBodyOutcome.TooLarge, null, $"The request body is larger than the limit of {maxBody} bytes.");
                    }
                    foreach (var segment in buffer)
                    {
                        if (_messageMeter is not null && !_messageMeter.Observe(segment.Span))
                        {
                            _cancellation.Cancel(ProxyCancelReason.RequestBodyTooLarge);
                            return new RequestBodyResult(RequestBodyOutcome.TooLarge, null,
                                $"A request message of {_messageMeter.OversizedMessageLength} bytes is larger than the limit of {_limits.MaxGrpcMessageSize} bytes.");
                        }
                        try
                        {
                            await destination.WriteAsync(segment, token).ConfigureAwait(false);
                        }
                        catch (Exception ex)
                        {
                            return Failed(ex, RequestBodyOutcome.DestinationError, destinationToken);
                        }
                    }
                    unflushed += (int)Math.Min(buffer.Length, int.MaxValue);
                }
                if (read.IsCompleted)
                {
                    // Completing the content sends END_STREAM, which HttpClient flushes.
                    return new RequestBodyResult(RequestBodyOutcome.Success, null);
                }
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
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
