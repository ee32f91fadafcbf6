using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>
/// One HTTP/2 exchange of a gRPC call (a call, or one attempt of a retried call): request headers and
/// body, response headers, messages and trailers, deadline and cancellation. The status is decided
/// once; whatever comes first (trailers, a failure, the deadline, cancellation) wins, and a call that
/// ends early resets its HTTP/2 stream by cancelling the request and disposing the response.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : IClientCall<TRequest, TResponse>, IRequestStreamOwner
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 16 * 1024, minimumReadSize: 1024, leaveOpen: false);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly GrpcMethodInfo _methodInfo;
    private readonly CallOptions _options;
    private readonly CallCredentials[] _credentials;
    private readonly bool _allowInsecureCredentials;
    private readonly bool _isRetryAttempt;
    private readonly CancellationTokenSource _callCts = new();
    private readonly object _lock = new();
    private readonly long _startTimestamp;

    private ICompressionProvider? _requestCompression;
    private DateTime _deadline = DateTime.MaxValue;
    private ITimer? _deadlineTimer;
    private CancellationTokenRegistration _userCancellation;
    private Activity? _activity;

    private Task _sendTask = Task.CompletedTask;
    private HttpResponseMessage? _response;
    private bool _headersValid;
    private System.Net.Http.Headers.HttpHeaders? _responseHeaderSource;
    private Metadata? _responseHeaders;
    private TaskCompletionSource<Metadata>? _headersTcs;
    private string? _responseEncoding;
    private ICompressionProvider? _responseDecompressor;

    private PipeReader? _reader;
    private bool _readInProgress;
    private int _messagesReceived;
    private TResponse? _current;
    private TResponse? _peeked;

    private Status? _status;
    private Metadata? _trailers;
    private System.Net.Http.Headers.HttpHeaders? _trailerSource;
    private volatile bool _finished;
    private TaskCompletionSource? _finishedTcs;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options, CallCredentials[] credentials, bool allowInsecureCredentials, bool isRetryAttempt)
    {
        _channel = channel;
        _method = method;
        _methodInfo = channel.GetMethodInfo(method);
        _options = options;
        _credentials = credentials;
        _allowInsecureCredentials = allowInsecureCredentials;
        _isRetryAttempt = isRetryAttempt;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    public string MethodName => _methodInfo.Name;

    public bool IsFinished => _finished;

    /// <summary>Completes (never faults) when the status is decided.</summary>
    public Task WhenFinished
    {
        get
        {
            lock (_lock)
            {
                if (_status is not null)
                {
                    return Task.CompletedTask;
                }
                _finishedTcs ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _finishedTcs.Task;
            }
        }
    }

    // ---------------------------------------------------------------- starting

    /// <summary>Starts a unary call; the task is the response (or faults with RpcException).</summary>
    public Task<TResponse> StartUnary(TRequest request)
    {
        return Prepare(request, out var content) ? RunUnaryAsync(content!) : ReadSingleResponseAsync();
    }

    /// <summary>The whole unary exchange in one task; the steps inside use pooled state machines.</summary>
    private async Task<TResponse> RunUnaryAsync(HttpContent content)
    {
        await SendAsync(content).ConfigureAwait(false);
        return await ReadSingleCoreAsync().ConfigureAwait(false);
    }

    public void StartServerStreaming(TRequest request)
    {
        if (Prepare(request, out var content))
        {
            _sendTask = SendAsync(content).AsTask();
        }
    }

    /// <summary>Starts a call whose request messages are pushed by a writer (client streaming, duplex, retry attempts).</summary>
    public void StartStreaming()
    {
        _requestStreamTcs = new TaskCompletionSource<Stream>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Not asynchronous on purpose: completing it runs the end of the request body inline, so
        // END_STREAM is on its way when CompleteAsync returns.
        _requestCompleteTcs = new TaskCompletionSource();
        if (Prepare(null, out var content))
        {
            _sendTask = SendAsync(content).AsTask();
        }
    }

    private bool Prepare(TRequest? request, out HttpContent? content)
    {
        content = null;
        if (_channel.IsDisposed)
        {
            throw new ObjectDisposedException(nameof(GrpcChannel), "The channel has been disposed.");
        }
        _channel.Diagnostics.AttemptStarted.Add(1, new KeyValuePair<string, object?>("grpc.method", _methodInfo.Name));
        ClientLog.StartingCall(_channel.Logger, _methodInfo.Name, _channel.Address);

        if (_options.Compression is { } compression && compression != GrpcHeaders.IdentityEncoding)
        {
            if (!_channel.TryGetCompressionProvider(compression, out var provider))
            {
                Finish(new Status(StatusCode.Internal, $"Could not find a compression provider for '{compression}'. Configure one in GrpcChannelOptions.CompressionProviders."), local: true);
                return false;
            }
            _requestCompression = provider;
        }

        if (_options.CancellationToken.IsCancellationRequested)
        {
            Finish(new Status(StatusCode.Cancelled, "Call canceled by the client."), local: true);
            return false;
        }

        TimeSpan? timeout = null;
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            _deadline = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;
            var remaining = _deadline - _channel.TimeProvider.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), local: true);
                return false;
            }
            timeout = remaining;
        }

        if (request is not null)
        {
            var size = request.CalculateSize();
            if (_channel.MaxSendMessageSize is { } maxSend && size > maxSend)
            {
                Finish(MessageSerializer.SendTooLarge(size, maxSend).Status, local: true);
                return false;
            }
            content = new UnaryContent(request, size, _requestCompression);
        }
        else
        {
            content = new PushStreamContent(this);
        }

        if (_options.CancellationToken.CanBeCanceled)
        {
            _userCancellation = _options.CancellationToken.UnsafeRegister(
                static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel("Call canceled by the client."), this);
        }
        if (timeout is { } due && due < GrpcChannel.MaxTimerDue)
        {
            _deadlineTimer = _channel.TimeProvider.CreateTimer(
                static state => ((GrpcCall<TRequest, TResponse>)state!).OnDeadline(), this, due, Timeout.InfiniteTimeSpan);
        }
        _timeout = timeout;
        return !IsFinished;
    }

    private TimeSpan? _timeout;

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _methodInfo.Uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        if (_timeout is { } timeout)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(timeout));
        }
        headers.TryAddWithoutValidation(GrpcHeaders.TE, GrpcHeaders.Trailers);
        headers.TryAddWithoutValidation("user-agent", GrpcChannel.UserAgent);
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, _channel.AcceptEncoding);
        if (_requestCompression is not null)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, _requestCompression.EncodingName);
        }
        if (_options.Headers is { Count: > 0 } metadata)
        {
            for (var i = 0; i < metadata.Count; i++)
            {
                if (!MetadataConverter.TryAddToRequest(headers, metadata[i]))
                {
                    ClientLog.ReservedHeaderSkipped(_channel.Logger, _methodInfo.Name, metadata[i].Key);
                }
            }
        }
        return request;
    }

    private ValueTask SendAsync(HttpContent? content)
    {
        // The activity becomes current for the HTTP request only (HttpClient propagates it as
        // traceparent), then the caller's current activity is restored.
        var previous = Activity.Current;
        if (ClientDiagnostics.ActivitySource.HasListeners())
        {
            _activity = ClientDiagnostics.ActivitySource.StartActivity(_methodInfo.Name, ActivityKind.Client);
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag("rpc.system", "grpc");
                _activity.SetTag("rpc.service", _method.ServiceName);
                _activity.SetTag("rpc.method", _method.Name);
                _activity.SetTag("server.address", _channel.Address.Host);
                _activity.SetTag("server.port", _channel.Address.Port);
            }
        }
        try
        {
            return SendCoreAsync(CreateRequest(content!));
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendCoreAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            if (_credentials.Length > 0)
            {
                await ApplyCredentialsAsync(request).ConfigureAwait(false);
            }
            response = await _channel.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _callCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (!IsFinished)
            {
                ClientLog.ErrorStartingCall(_channel.Logger, _methodInfo.Name, ex.Message, ex);
            }
            Finish(ResponseStatus.FromException(ex, beforeResponse: true), local: true);
            return;
        }

        lock (_lock)
        {
            if (_status is null)
            {
                _response = response;
            }
        }
        if (_response is null)
        {
            // Finished (cancelled, deadline) while the headers were on their way.
            response.Dispose();
            return;
        }

        var headers = response.Headers;
        if (ResponseStatus.TryGetStatus(headers, out var trailersOnlyStatus))
        {
            // Trailers-Only: the status came in the only header block; there is no body.
            SetResponseHeaders(headers);
            Finish(trailersOnlyStatus, headers, null, local: false);
            return;
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var code = ResponseStatus.FromHttpStatus(response.StatusCode);
            Finish(new Status(code, $"Bad gRPC response: HTTP status code {(int)response.StatusCode} ({response.ReasonPhrase}) with content-type '{ContentTypeOf(response)}'."), headers, null, local: false);
            return;
        }
        var contentType = ContentTypeOf(response);
        if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            Finish(new Status(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}' is not application/grpc."), headers, null, local: false);
            return;
        }
        if (headers.NonValidated.TryGetValues(GrpcHeaders.Encoding, out var encodingValues))
        {
            _responseEncoding = encodingValues.ToString();
            if (_responseEncoding != GrpcHeaders.IdentityEncoding)
            {
                _channel.TryGetCompressionProvider(_responseEncoding, out _responseDecompressor);
            }
        }
        _headersValid = true;
        SetResponseHeaders(headers);
    }

    private async Task ApplyCredentialsAsync(HttpRequestMessage request)
    {
        if (!_channel.IsSecure && !_allowInsecureCredentials)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Call credentials are not sent over the insecure channel {_channel.Address}: use https, or set UnsafeUseInsecureChannelCallCredentials (GrpcChannelOptions or GrpcClientOptions)."));
        }
        var metadata = new Metadata();
        var context = new AuthInterceptorContext(_methodInfo.ServiceUrl, _method, _callCts.Token);
        try
        {
            foreach (var credentials in _credentials)
            {
                await credentials.Interceptor(context, metadata).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Getting metadata from call credentials failed: " + ex.Message));
        }
        for (var i = 0; i < metadata.Count; i++)
        {
            MetadataConverter.TryAddToRequest(request.Headers, metadata[i]);
        }
    }

    private static string ContentTypeOf(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : "";

    /// <summary>Keeps the response header block; it becomes Metadata only when someone asks for it.</summary>
    private void SetResponseHeaders(System.Net.Http.Headers.HttpHeaders headers)
    {
        TaskCompletionSource<Metadata>? tcs;
        lock (_lock)
        {
            _responseHeaderSource = headers;
            tcs = _headersTcs;
        }
        tcs?.TrySetResult(ResponseHeaders!);
    }

    private Metadata? ResponseHeaders
    {
        get
        {
            lock (_lock)
            {
                if (_responseHeaders is null && _responseHeaderSource is not null)
                {
                    _responseHeaders = MetadataConverter.FromHeaders(_responseHeaderSource);
                }
                return _responseHeaders;
            }
        }
    }

    public Task<Metadata> GetResponseHeadersAsync()
    {
        lock (_lock)
        {
            if (ResponseHeaders is { } headers)
            {
                return Task.FromResult(headers);
            }
            if (_status is not null)
            {
                return Task.FromException<Metadata>(CreateException());
            }
            _headersTcs ??= new TaskCompletionSource<Metadata>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _headersTcs.Task;
        }
    }

    // ---------------------------------------------------------------- status

    public Status GetStatus() =>
        _finished ? _status!.Value : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() =>
        Trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed.");

    /// <summary>The trailers once the call is finished, converted from the HTTP block on first use.</summary>
    private Metadata? Trailers
    {
        get
        {
            lock (_lock)
            {
                if (!_finished)
                {
                    return null;
                }
                return _trailers ??= _trailerSource is null ? new Metadata() : MetadataConverter.FromHeaders(_trailerSource);
            }
        }
    }

    private RpcException CreateException() => new(_status!.Value, Trailers!);

    private void OnDeadline()
    {
        if (!IsFinished)
        {
            ClientLog.DeadlineExceeded(_channel.Logger, _methodInfo.Name);
            Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), local: true);
        }
    }

    private void Cancel(string detail) => Finish(new Status(StatusCode.Cancelled, detail), local: true);

    /// <summary>Ends the call with a status that did not come from the server (the HTTP/2 stream is reset).</summary>
    public void Fail(Status status) => Finish(status, local: true);

    private bool Finish(Status status, bool local) => Finish(status, null, null, local);

    /// <summary>
    /// Decides the status (first caller wins) and releases everything the call holds. Trailers are an
    /// HTTP header block (converted lazily) or metadata (from an RpcException), or none.
    /// </summary>
    private bool Finish(Status status, System.Net.Http.Headers.HttpHeaders? trailerSource, Metadata? trailers, bool local)
    {
        TaskCompletionSource<Metadata>? headersTcs;
        TaskCompletionSource? finishedTcs;
        HttpResponseMessage? response;
        lock (_lock)
        {
            if (_status is not null)
            {
                return false;
            }
            if (local && status.StatusCode == StatusCode.Cancelled && _deadline != DateTime.MaxValue
                && _channel.TimeProvider.GetUtcNow().UtcDateTime >= _deadline)
            {
                // A cancellation that races the deadline is reported as the deadline (PROTOCOL-HTTP2.md).
                status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }
            if (status.StatusCode == StatusCode.OK && _method.Type is MethodType.Unary or MethodType.ClientStreaming
                && _messagesReceived == 0 && !local)
            {
                status = new Status(StatusCode.Unimplemented, "Response cardinality violation: the server ended the call with OK but sent no response message.");
            }
            _status = status;
            _trailerSource = trailerSource;
            _trailers = trailers;
            _finished = true;
            headersTcs = _headersTcs;
            finishedTcs = _finishedTcs;
            response = _response;
        }

        _deadlineTimer?.Dispose();
        _userCancellation.Unregister();

        if (status.StatusCode != StatusCode.OK)
        {
            // Abort whatever is in flight: SendAsync, body reads and writes. Cancelling the request and
            // disposing an unfinished response sends RST_STREAM(CANCEL) to the server.
            _callCts.Cancel();
            response?.Dispose();
            _requestStreamTcs?.TrySetCanceled();
            _requestCompleteTcs?.TrySetCanceled();
        }
        else
        {
            _requestStreamTcs?.TrySetCanceled();
            _requestCompleteTcs?.TrySetResult();
        }

        if (headersTcs is not null)
        {
            if (ResponseHeaders is { } headers)
            {
                headersTcs.TrySetResult(headers);
            }
            else
            {
                headersTcs.TrySetException(CreateException());
            }
        }
        finishedTcs?.TrySetResult();
        Record(status);
        return true;
    }

    private void Record(Status status)
    {
        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp);
        var diagnostics = _channel.Diagnostics;
        if (diagnostics.AttemptDuration.Enabled || diagnostics.CallDuration.Enabled)
        {
            var tags = new TagList
            {
                { "grpc.method", _methodInfo.Name },
                { "grpc.target", _channel.Target },
                { "grpc.status", ClientDiagnostics.StatusName(status.StatusCode) },
            };
            diagnostics.AttemptDuration.Record(elapsed.TotalSeconds, tags);
            if (!_isRetryAttempt)
            {
                diagnostics.CallDuration.Record(elapsed.TotalSeconds, tags);
            }
        }
        if (_activity is { } activity)
        {
            activity.SetTag("rpc.grpc.status_code", (int)status.StatusCode);
            if (status.StatusCode != StatusCode.OK)
            {
                activity.SetStatus(ActivityStatusCode.Error, status.Detail);
            }
            activity.Stop();
        }
        ClientLog.FinishedCall(_channel.Logger, _methodInfo.Name, status.StatusCode, elapsed.TotalMilliseconds);
        if (status.StatusCode != StatusCode.OK && !_isRetryAttempt)
        {
            ClientLog.CallFailed(_channel.Logger, _methodInfo.Name, status.StatusCode, status.Detail);
        }
    }

    public void Dispose()
    {
        if (!Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."), local: true))
        {
            // Already finished: release the HTTP/2 stream if the body was not read to its end.
            _response?.Dispose();
        }
    }
}
