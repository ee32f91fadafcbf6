using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Claims;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using ReviewMechanism.Grpc.Protocol;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// One call on Kestrel: the handler's view (ServerCallContext) and the response's state machine.
/// <para>
/// Who may touch the response is decided by one integer: a write (headers or a message) holds the
/// Writing bit, and whoever sets Completed first ends the call (the handler's status, or the
/// deadline's DEADLINE_EXCEEDED). A deadline that fires during a write leaves DeadlinePending and the
/// writer ends the call when its write returns; a write stuck on flow control is reset (CANCEL) after
/// a grace period. No lock, no timer per call: deadlines come from the shared <see cref="DeadlineScheduler"/>,
/// and the handler's deadline token is only created if the handler asks for it.
/// </para>
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IThreadPoolWorkItem
{
    private const int SingleSpanLimit = 64 * 1024;
    private const int Http2CancelError = 8;
    private static readonly TimeSpan StuckWriteGrace = TimeSpan.FromSeconds(1);

    // _responseState bits
    private const int Writing = 1;
    private const int Completed = 2;
    private const int DeadlinePending = 4;
    private const int DeadlineOwned = 8;

    private readonly HttpContext _httpContext;
    private readonly ServerMethodState _state;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status = Status.DefaultSuccess;
    private string? _responseCompression;
    private bool _responseGzip;
    private bool _bodyPrepared;
    private int _responseState;
    private long _startTimestamp;
    private Activity? _activity;
    private Exception? _handlerException;
    private string? _peer;

    // Deadline (only when the client sent grpc-timeout)
    private bool _hasDeadline;
    private DateTime _deadline;
    private int _deadlineExpired;
    private CancellationTokenSource? _deadlineCts;
    private CancellationTokenRegistration _abortRegistration;
    private volatile Task? _expiry;

    // Node of the DeadlineScheduler's wheel
    internal long DeadlineDue;
    internal int DeadlineSlot = -1;
    internal HttpServerCallContext? DeadlineNext;
    internal HttpServerCallContext? DeadlinePrev;

    public HttpServerCallContext(HttpContext httpContext, ServerMethodState state)
    {
        _httpContext = httpContext;
        _state = state;
    }

    internal ServerMethodState State => _state;

    internal HttpContext HttpContext => _httpContext;

    internal bool IsCompleted => (Volatile.Read(ref _responseState) & Completed) != 0;

    internal bool DeadlineExpired => Volatile.Read(ref _deadlineExpired) != 0;

    public override string Method => _state.FullName;

    public override string Host => _httpContext.Request.Host.Value ?? "";

    public override string Peer => _peer ??= FormatPeer(_httpContext.Connection);

    public override DateTime Deadline => _hasDeadline ? _deadline : DateTime.MaxValue;

    public override Metadata RequestHeaders => _requestHeaders ??= MetadataConversions.FromRequestHeaders(_httpContext.Request.Headers);

    public override CancellationToken CancellationToken => _hasDeadline ? DeadlineToken() : _httpContext.RequestAborted;

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
        _httpContext.Response.Headers.ContentType = StatusStrings.GrpcContentType;

        var timeoutHeader = _httpContext.Request.Headers.GrpcTimeout;
        if (timeoutHeader.Count > 0 && GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout) && timeout > TimeSpan.Zero)
        {
            _hasDeadline = true;
            var scheduler = _state.Deadlines;
            _deadline = timeout >= DateTime.MaxValue - DateTime.UtcNow
                ? DateTime.MaxValue
                : scheduler.TimeProvider.GetUtcNow().UtcDateTime + timeout;
            scheduler.Add(this, timeout);
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

    private CancellationToken DeadlineToken()
    {
        var cts = Volatile.Read(ref _deadlineCts);
        if (cts is not null)
        {
            return cts.Token;
        }
        if (DeadlineExpired)
        {
            return new CancellationToken(canceled: true);
        }
        var created = new CancellationTokenSource();
        cts = Interlocked.CompareExchange(ref _deadlineCts, created, null);
        if (cts is not null)
        {
            return cts.Token;
        }
        // The client going away cancels the handler too.
        _abortRegistration = _httpContext.RequestAborted.UnsafeRegister(static s => CancelQuietly((CancellationTokenSource)s!), created);
        if (DeadlineExpired)
        {
            CancelQuietly(created);
        }
        return created.Token;
    }

    /// <summary>The handler returned normally: send the unary response (if any) and the status.</summary>
    internal void Complete(IMessage? unaryResponse)
    {
        if (!TryTakeCompletion())
        {
            return;
        }
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

    /// <summary>The handler (or the protocol) failed: turn the exception into a status.</summary>
    internal void Fail(Exception exception)
    {
        if (!TryTakeCompletion())
        {
            return;
        }
        switch (exception)
        {
            case RpcException rpc:
                ApplyRpcException(rpc);
                break;
            case OperationCanceledException or IOException when DeadlineExpired || _httpContext.RequestAborted.IsCancellationRequested:
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

    /// <summary>Stops the deadline and records the call's outcome. Called once, last.</summary>
    internal Task EndAsync()
    {
        if (!_hasDeadline)
        {
            Observe();
            return Task.CompletedTask;
        }
        _state.Deadlines.Remove(this);
        _abortRegistration.Dispose();
        var expiry = WaitForExpiry();
        if (expiry is null || expiry.IsCompletedSuccessfully)
        {
            Observe();
            return Task.CompletedTask;
        }
        return EndAfterExpiryAsync(expiry);
    }

    private async Task EndAfterExpiryAsync(Task expiry)
    {
        await expiry.ConfigureAwait(false);
        Observe();
    }

    /// <summary>When the deadline ended the call, its completion task (published right after it took over).</summary>
    private Task? WaitForExpiry()
    {
        if ((Volatile.Read(ref _responseState) & DeadlineOwned) == 0)
        {
            return null;
        }
        var spin = new SpinWait();
        Task? expiry;
        while ((expiry = _expiry) is null)
        {
            spin.SpinOnce();
        }
        return expiry;
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
            CallLog.CallFinished(_state.Logger, _state.Options.SuccessfulCallLogLevel, _state.FullName, _status, elapsed, _handlerException);
        }
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

    // Called on the thread pool by the DeadlineScheduler when the deadline passes.
    void IThreadPoolWorkItem.Execute()
    {
        if (Interlocked.Exchange(ref _deadlineExpired, 1) != 0)
        {
            return;
        }
        // The handler's token first, so it stops; then the response.
        var cts = Volatile.Read(ref _deadlineCts);
        if (cts is not null)
        {
            CancelQuietly(cts);
        }
        while (true)
        {
            var state = Volatile.Read(ref _responseState);
            if ((state & Completed) != 0)
            {
                return;
            }
            if ((state & Writing) != 0)
            {
                // A write is in flight: its writer ends the call when it returns.
                if (Interlocked.CompareExchange(ref _responseState, state | DeadlinePending, state) == state)
                {
                    _ = ResetIfStillWritingAsync();
                    return;
                }
            }
            else if (Interlocked.CompareExchange(ref _responseState, state | Completed | DeadlineOwned, state) == state)
            {
                _expiry = EndAtDeadlineAsync();
                return;
            }
        }
    }

    private async Task EndAtDeadlineAsync()
    {
        try
        {
            if (_httpContext.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            WriteStatus(_status, includeTrailers: false);
            var body = _httpContext.Features.Get<IHttpResponseBodyFeature>();
            if (body is not null)
            {
                await body.CompleteAsync().ConfigureAwait(false);
            }
            // A handler blocked reading the request stream gets its read back (canceled). The stream is
            // not reset: that could drop the status still queued behind flow control; Kestrel ends the
            // stream properly when the handler returns, and the client resets it at its own deadline.
            if (_state.IsClientStreaming)
            {
                _httpContext.Request.BodyReader.CancelPendingRead();
            }
        }
        catch (Exception ex)
        {
            CallLog.DeadlineError(_state.Logger, _state.FullName, ex);
        }
    }

    private async Task ResetIfStillWritingAsync()
    {
        await Task.Delay(StuckWriteGrace, _state.Deadlines.TimeProvider).ConfigureAwait(false);
        if ((Volatile.Read(ref _responseState) & DeadlinePending) != 0)
        {
            // The write is blocked (the client stopped reading): cancel the stream so it returns.
            _httpContext.Features.Get<IHttpResetFeature>()?.Reset(Http2CancelError);
        }
    }

    private bool TryTakeCompletion()
    {
        while (true)
        {
            var state = Volatile.Read(ref _responseState);
            if ((state & (Completed | Writing)) != 0)
            {
                // Already ended (deadline), or the handler returned without awaiting a write.
                return false;
            }
            if (Interlocked.CompareExchange(ref _responseState, state | Completed, state) == state)
            {
                return true;
            }
        }
    }

    private void BeginWrite()
    {
        while (true)
        {
            var state = Volatile.Read(ref _responseState);
            if ((state & Completed) != 0)
            {
                throw new InvalidOperationException(DeadlineExpired
                    ? "Can't write to the response: the call's deadline has passed."
                    : "Can't write to the response: the call is complete.");
            }
            if ((state & Writing) != 0)
            {
                throw new InvalidOperationException("Can't write to the response while a previous write is still pending.");
            }
            if (Interlocked.CompareExchange(ref _responseState, state | Writing, state) == state)
            {
                return;
            }
        }
    }

    private void EndWrite()
    {
        while (true)
        {
            var state = Volatile.Read(ref _responseState);
            var pending = (state & DeadlinePending) != 0;
            var next = pending ? (state & ~(Writing | DeadlinePending)) | Completed | DeadlineOwned : state & ~Writing;
            if (Interlocked.CompareExchange(ref _responseState, next, state) == state)
            {
                if (pending)
                {
                    _expiry = EndAtDeadlineAsync();
                }
                return;
            }
        }
    }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        BeginWrite();
        Task flush;
        try
        {
            if (_httpContext.Response.HasStarted || _bodyPrepared)
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
            flush = FlushAsync();
        }
        catch
        {
            EndWrite();
            throw;
        }
        return EndWriteWhenDone(flush);
    }

    /// <summary>Writes one message of a streaming response and flushes it (headers go out with the first).</summary>
    internal Task WriteStreamMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        // The token is checked, never passed to the flush: Kestrel aborts the whole stream when a
        // flush is canceled, losing the status.
        cancellationToken.ThrowIfCancellationRequested();
        BeginWrite();
        Task flush;
        try
        {
            WriteMessageCore(message);
            flush = FlushAsync();
        }
        catch
        {
            EndWrite();
            throw;
        }
        return EndWriteWhenDone(flush);
    }

    private Task EndWriteWhenDone(Task flush)
    {
        if (flush.IsCompleted)
        {
            EndWrite();
            return flush;
        }
        return AwaitAsync(flush);

        async Task AwaitAsync(Task pending)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            finally
            {
                EndWrite();
            }
        }
    }

    private Task FlushAsync()
    {
        var flush = _httpContext.Response.BodyWriter.FlushAsync();
        if (flush.IsCompletedSuccessfully)
        {
            return IsAborted(flush.Result) ? Task.FromException(Aborted()) : Task.CompletedTask;
        }
        return AwaitFlushAsync(flush);

        async Task AwaitFlushAsync(ValueTask<System.IO.Pipelines.FlushResult> pending)
        {
            if (IsAborted(await pending.ConfigureAwait(false)))
            {
                throw Aborted();
            }
        }
    }

    private bool IsAborted(System.IO.Pipelines.FlushResult result) =>
        result.IsCanceled || (result.IsCompleted && _httpContext.RequestAborted.IsCancellationRequested);

    private static OperationCanceledException Aborted() =>
        new("The response stream was closed: the call was canceled or reset.");

    /// <summary>Decides the response encoding; must run before the first byte of the body.</summary>
    private void PrepareBody()
    {
        if (_bodyPrepared)
        {
            return;
        }
        _bodyPrepared = true;
        var headers = _httpContext.Response.Headers;
        // Tells clients (grpc-js reads it) which request encodings this server decodes.
        headers.GrpcAcceptEncoding = StatusStrings.SupportedEncodings;
        var algorithm = _responseCompression ?? _state.Options.ResponseCompressionAlgorithm;
        if (algorithm is not null
            && algorithm.Equals(GrpcHeaders.GzipEncoding, StringComparison.OrdinalIgnoreCase)
            && GzipCompression.Accepts(_httpContext.Request.Headers.GrpcAcceptEncoding.ToString(), GrpcHeaders.GzipEncoding))
        {
            _responseGzip = true;
            headers.GrpcEncoding = StatusStrings.Gzip;
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
            if (trailersFeature is null || trailersFeature.Trailers.IsReadOnly)
            {
                return;
            }
            destination = trailersFeature.Trailers;
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
                if (entry.Key is GrpcHeaders.Status or GrpcHeaders.Message)
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

    private static void CancelQuietly(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (AggregateException)
        {
            // A handler's cancellation callback threw; the call ends anyway.
        }
        catch (ObjectDisposedException)
        {
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
