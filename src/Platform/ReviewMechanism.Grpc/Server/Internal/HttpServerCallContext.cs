using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Claims;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using ReviewMechanism.Grpc.Protocol;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// One call on Kestrel: the handler's view (ServerCallContext) and the response state machine.
/// Every write to the response (headers, messages, status) happens under the deadline's lock when
/// the call has a deadline, so a deadline that fires while the handler is still writing cannot
/// interleave with it; without a deadline there is no lock and no timer.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext
{
    private const int SingleSpanLimit = 64 * 1024;
    private const int Http2CancelError = 8;
    private static readonly TimeSpan StuckWriteGrace = TimeSpan.FromSeconds(1);

    private readonly HttpContext _httpContext;
    private readonly ServerMethodState _state;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status = Status.DefaultSuccess;
    private string? _responseCompression;
    private bool _responseGzip;
    private bool _bodyPrepared;
    private bool _completed;
    private CallDeadline? _deadline;
    private long _startTimestamp;
    private Activity? _activity;
    private Exception? _handlerException;
    private string? _peer;

    public HttpServerCallContext(HttpContext httpContext, ServerMethodState state)
    {
        _httpContext = httpContext;
        _state = state;
    }

    internal ServerMethodState State => _state;

    internal HttpContext HttpContext => _httpContext;

    internal bool IsCompleted => Volatile.Read(ref _completed);

    internal bool DeadlineExpired => _deadline?.IsExpired ?? false;

    public override string Method => _state.FullName;

    public override string Host => _httpContext.Request.Host.Value ?? "";

    public override string Peer => _peer ??= FormatPeer(_httpContext.Connection);

    public override DateTime Deadline => _deadline?.Deadline ?? DateTime.MaxValue;

    public override Metadata RequestHeaders => _requestHeaders ??= MetadataConversions.FromRequestHeaders(_httpContext.Request.Headers);

    public override CancellationToken CancellationToken => _deadline?.Token ?? _httpContext.RequestAborted;

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status
    {
        get => _status;
        set => _status = value;
    }

    public override ClaimsPrincipal User => _httpContext.User;

    public override string? ResponseCompression
    {
        get => _responseCompression;
        set
        {
            if (value is not null
                && !value.Equals(GrpcHeaders.GzipEncoding, StringComparison.OrdinalIgnoreCase)
                && !value.Equals(GrpcHeaders.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Response compression '{value}' is not supported; use 'gzip' or 'identity'.", nameof(value));
            }
            _responseCompression = value;
        }
    }

    public override HttpContext GetHttpContext() => _httpContext;

    /// <summary>Parses the deadline and starts the call's telemetry. Called once, before the handler.</summary>
    internal void Start()
    {
        var response = _httpContext.Response;
        response.Headers.ContentType = StatusStrings.GrpcContentType;

        var timeoutHeader = _httpContext.Request.Headers.GrpcTimeout;
        if (timeoutHeader.Count > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout) && timeout > TimeSpan.Zero)
            {
                _deadline = new CallDeadline(this);
                _deadline.Start(_state.TimeProvider, timeout, _httpContext.RequestAborted);
            }
        }

        if (_state.IsStreaming || _state.RelaxBodySize)
        {
            RelaxBodyLimits();
        }

        var metrics = _state.Metrics;
        if (_state.LogCalls || metrics.DurationEnabled || GrpcServerActivity.Source.HasListeners())
        {
            _startTimestamp = Stopwatch.GetTimestamp();
        }
        metrics.CallStarted(_state);
        _activity = GrpcServerActivity.Start(_state, _httpContext);
    }

    /// <summary>The handler returned normally: send the unary response (if any) and the status.</summary>
    internal Task CompleteAsync(IMessage? unaryResponse)
    {
        if (_deadline is null)
        {
            FinishCore(unaryResponse);
            return Task.CompletedTask;
        }
        return CompleteLockedAsync(unaryResponse);
    }

    private async Task CompleteLockedAsync(IMessage? unaryResponse)
    {
        await _deadline!.Lock.WaitAsync().ConfigureAwait(false);
        try
        {
            FinishCore(unaryResponse);
        }
        finally
        {
            _deadline.Lock.Release();
        }
    }

    /// <summary>The handler (or the protocol) failed: turn the exception into a status.</summary>
    internal Task FailAsync(Exception exception)
    {
        if (_deadline is null)
        {
            FailCore(exception);
            return Task.CompletedTask;
        }
        return FailLockedAsync(exception);
    }

    private async Task FailLockedAsync(Exception exception)
    {
        await _deadline!.Lock.WaitAsync().ConfigureAwait(false);
        try
        {
            FailCore(exception);
        }
        finally
        {
            _deadline.Lock.Release();
        }
    }

    /// <summary>Stops the deadline timer and records the call's outcome. Called once, last.</summary>
    internal Task EndAsync()
    {
        if (_deadline is null)
        {
            Observe();
            return Task.CompletedTask;
        }
        return EndWithDeadlineAsync();
    }

    private async Task EndWithDeadlineAsync()
    {
        await _deadline!.DisposeAsync().ConfigureAwait(false);
        Observe();
    }

    private void Observe()
    {
        var elapsed = _startTimestamp == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_startTimestamp);
        _state.Metrics.CallCompleted(_state, _status.StatusCode, elapsed);
        if (_activity is not null)
        {
            GrpcServerActivity.Stop(_activity, _status);
        }
        if (_state.LogCalls)
        {
            CallLog.CallFinished(_state.Logger, _state.FullName, _status, elapsed, _handlerException);
        }
    }

    private void FinishCore(IMessage? unaryResponse)
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        if (unaryResponse is not null && _status.StatusCode == StatusCode.OK)
        {
            try
            {
                WriteMessageCore(unaryResponse);
            }
            catch (RpcException ex)
            {
                ApplyRpcException(ex);
            }
        }
        WriteStatus(_status);
    }

    private void FailCore(Exception exception)
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        switch (exception)
        {
            case RpcException rpc:
                ApplyRpcException(rpc);
                break;
            case OperationCanceledException or IOException when CancellationToken.IsCancellationRequested || _httpContext.RequestAborted.IsCancellationRequested:
                _status = DeadlineExpired
                    ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")
                    : new Status(StatusCode.Cancelled, "Call canceled by the client.");
                break;
            default:
                _handlerException = exception;
                var detail = _state.Options.EnableDetailedErrors
                    ? "Exception was thrown by handler. " + exception.GetType().Name + ": " + exception.Message
                    : "Exception was thrown by handler.";
                _status = new Status(StatusCode.Unknown, detail);
                break;
        }
        WriteStatus(_status);
    }

    private void ApplyRpcException(RpcException exception)
    {
        _status = exception.Status;
        if (exception.Trailers.Count > 0)
        {
            var trailers = ResponseTrailers;
            foreach (var entry in exception.Trailers)
            {
                trailers.Add(entry);
            }
        }
    }

    /// <summary>The deadline fired: end the call with DEADLINE_EXCEEDED unless it already ended.</summary>
    internal async Task DeadlineExceededAsync()
    {
        var deadline = _deadline!;
        if (!await deadline.Lock.WaitAsync(StuckWriteGrace).ConfigureAwait(false))
        {
            // A write is blocked (the client stopped reading): cancel the stream so the write returns.
            _httpContext.Features.Get<IHttpResetFeature>()?.Reset(Http2CancelError);
            await deadline.Lock.WaitAsync().ConfigureAwait(false);
        }
        try
        {
            if (_completed || _httpContext.RequestAborted.IsCancellationRequested)
            {
                _completed = true;
                return;
            }
            _completed = true;
            _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            WriteStatus(_status, includeTrailers: false);
            var body = _httpContext.Features.Get<IHttpResponseBodyFeature>();
            if (body is not null)
            {
                await body.CompleteAsync().ConfigureAwait(false);
            }
            // The handler may still be running and the request body may be open: free the stream.
            var reset = _httpContext.Features.Get<IHttpResetFeature>();
            if (reset is not null)
            {
                reset.Reset(0);
            }
            else
            {
                _httpContext.Abort();
            }
        }
        catch (Exception ex)
        {
            CallLog.DeadlineError(_state.Logger, _state.FullName, ex);
        }
        finally
        {
            deadline.Lock.Release();
        }
    }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_deadline is null)
        {
            WriteHeadersCore(responseHeaders);
            return FlushAsync();
        }
        return WriteHeadersLockedAsync(responseHeaders);
    }

    private async Task WriteHeadersLockedAsync(Metadata responseHeaders)
    {
        await _deadline!.Lock.WaitAsync().ConfigureAwait(false);
        try
        {
            WriteHeadersCore(responseHeaders);
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _deadline.Lock.Release();
        }
    }

    private void WriteHeadersCore(Metadata responseHeaders)
    {
        ThrowIfCompleted();
        if (_httpContext.Response.HasStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }
        var headers = _httpContext.Response.Headers;
        foreach (var entry in responseHeaders)
        {
            if (GrpcHeaders.IsReserved(entry.Key))
            {
                continue;
            }
            headers.Append(entry.Key, entry.IsBinary ? BinaryHeader.Encode(entry.ValueBytes) : entry.Value);
        }
        PrepareBody();
    }

    /// <summary>Writes one message of a streaming response and flushes it (headers go out with the first).</summary>
    internal Task WriteStreamMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        if (_deadline is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfCompleted();
            WriteMessageCore(message);
            return FlushAsync();
        }
        return WriteStreamMessageLockedAsync(message, cancellationToken);
    }

    private async Task WriteStreamMessageLockedAsync(IMessage message, CancellationToken cancellationToken)
    {
        await _deadline!.Lock.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfCompleted();
            WriteMessageCore(message);
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _deadline.Lock.Release();
        }
    }

    // Never flush with a cancellation token: Kestrel aborts the whole stream (RST_STREAM INTERNAL_ERROR)
    // when a flush is cancelled, which would lose the status. A deadline resets a stuck flush instead.
    private Task FlushAsync()
    {
        var flush = _httpContext.Response.BodyWriter.FlushAsync();
        if (flush.IsCompletedSuccessfully)
        {
            ThrowIfAborted(flush.Result);
            return Task.CompletedTask;
        }
        return AwaitFlushAsync(flush);

        async Task AwaitFlushAsync(ValueTask<System.IO.Pipelines.FlushResult> pending) => ThrowIfAborted(await pending.ConfigureAwait(false));
    }

    private void ThrowIfAborted(System.IO.Pipelines.FlushResult result)
    {
        if (result.IsCanceled || (result.IsCompleted && _httpContext.RequestAborted.IsCancellationRequested))
        {
            throw new OperationCanceledException("The response stream was closed: the call was canceled or reset.");
        }
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException(DeadlineExpired
                ? "Can't write to the response: the call's deadline has passed."
                : "Can't write to the response: the call is complete.");
        }
    }

    /// <summary>Decides the response encoding; must run before the first byte of the body.</summary>
    private void PrepareBody()
    {
        if (_bodyPrepared)
        {
            return;
        }
        _bodyPrepared = true;
        var algorithm = _responseCompression ?? _state.Options.ResponseCompressionAlgorithm;
        if (algorithm is not null
            && algorithm.Equals(GrpcHeaders.GzipEncoding, StringComparison.OrdinalIgnoreCase)
            && GzipCompression.Accepts(_httpContext.Request.Headers.GrpcAcceptEncoding.ToString(), GrpcHeaders.GzipEncoding))
        {
            _responseGzip = true;
            _httpContext.Response.Headers.GrpcEncoding = StatusStrings.Gzip;
        }
    }

    /// <summary>Frames one message into the response body (no flush).</summary>
    private void WriteMessageCore(IMessage message)
    {
        var size = message.CalculateSize();
        if (_state.MaxSendMessageSize is int max && size > max)
        {
            throw MessageFraming.MessageTooLarge(size, max, "Sending");
        }
        PrepareBody();
        var writer = _httpContext.Response.BodyWriter;
        var compress = _responseGzip
            && (_responseCompression is null || !_responseCompression.Equals(GrpcHeaders.IdentityEncoding, StringComparison.OrdinalIgnoreCase));
        if (compress)
        {
            var compressed = GzipCompression.Compress(message.ToByteArray(), _state.Options.ResponseCompressionLevel);
            var span = writer.GetSpan(MessageFraming.HeaderSize + compressed.Length);
            MessageFraming.WriteHeader(span, compressed: true, compressed.Length);
            compressed.CopyTo(span.Slice(MessageFraming.HeaderSize));
            writer.Advance(MessageFraming.HeaderSize + compressed.Length);
        }
        else if (size <= SingleSpanLimit)
        {
            var span = writer.GetSpan(MessageFraming.HeaderSize + size);
            MessageFraming.WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(MessageFraming.HeaderSize, size));
            writer.Advance(MessageFraming.HeaderSize + size);
        }
        else
        {
            var header = writer.GetSpan(MessageFraming.HeaderSize);
            MessageFraming.WriteHeader(header, compressed: false, size);
            writer.Advance(MessageFraming.HeaderSize);
            message.WriteTo(writer);
        }
        _state.Metrics.MessageSent(_state);
    }

    /// <summary>
    /// Puts the status in the trailers, or in the headers as a trailers-only response when nothing
    /// has been sent yet (one HEADERS frame with END_STREAM).
    /// </summary>
    private void WriteStatus(Status status, bool includeTrailers = true)
    {
        var response = _httpContext.Response;
        IHeaderDictionary destination;
        // Kestrel reports HasStarted only once headers are flushed; a buffered unary message counts too.
        if (!_bodyPrepared && !response.HasStarted)
        {
            destination = response.Headers;
        }
        else
        {
            var trailersFeature = _httpContext.Features.Get<IHttpResponseTrailersFeature>();
            if (trailersFeature is null)
            {
                return;
            }
            destination = trailersFeature.Trailers;
            if (destination.IsReadOnly)
            {
                return;
            }
        }
        destination.GrpcStatus = StatusStrings.For(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            destination.GrpcMessage = GrpcMessageEncoding.Encode(status.Detail);
        }
        if (includeTrailers && _responseTrailers is { Count: > 0 } trailers)
        {
            foreach (var entry in trailers)
            {
                if (entry.Key is GrpcHeaders.Status or GrpcHeaders.Message || entry.Key.StartsWith(':'))
                {
                    continue;
                }
                destination.Append(entry.Key, entry.IsBinary ? BinaryHeader.Encode(entry.ValueBytes) : entry.Value);
            }
        }
    }

    private void RelaxBodyLimits()
    {
        // Streams can be long and quiet: the per-message limit replaces Kestrel's body size and rate limits.
        var features = _httpContext.Features;
        var rate = _state.IsStreaming ? features.Get<IHttpMinRequestBodyDataRateFeature>() : null;
        if (rate is not null)
        {
            rate.MinDataRate = null;
        }
        var size = features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = null;
        }
    }

    private static string FormatPeer(ConnectionInfo connection)
    {
        var address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => "ipv4:" + address + ":" + connection.RemotePort,
            AddressFamily.InterNetworkV6 => "ipv6:[" + address + "]:" + connection.RemotePort,
            _ => "unknown:" + address + ":" + connection.RemotePort,
        };
    }
}
