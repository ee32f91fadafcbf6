using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Polly;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>
/// A call of an idempotent method, run as attempts through the channel's Polly retry pipeline.
/// An attempt commits when its first response message arrives or it ends with a status that is
/// not retried; until then request messages are kept (serialized, up to a per-call limit) and
/// replayed into the next attempt. Everything the caller sees comes from the committed attempt.
/// </summary>
internal sealed class RetryingCall<TRequest, TResponse> : IClientCall<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CallCredentials[] _credentials;
    private readonly bool _allowInsecureCredentials;
    private readonly GrpcRetryOptions _retry;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationTokenSource _cts;
    private readonly CancellationTokenRegistration _userCancellation;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    private List<(byte[] Payload, bool NoCompress)>? _buffer = new();
    private long _bufferedBytes;
    private bool _completeRequested;
    private bool _noMoreRetries;
    private volatile bool _disposed;
    private GrpcCall<TRequest, TResponse>? _current;
    private volatile GrpcCall<TRequest, TResponse>? _committed;
    private Status? _finalStatus;
    private Task<GrpcCall<TRequest, TResponse>?> _commitTask = null!;

    public RetryingCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options, CallCredentials[] credentials, bool allowInsecureCredentials, GrpcRetryOptions retry)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _credentials = credentials;
        _allowInsecureCredentials = allowInsecureCredentials;
        _retry = retry;
        // Cancelled by the caller's token, by Dispose, or at the deadline (which stops backoff waits).
        _cts = RemainingTime(options.Deadline, channel.TimeProvider) is { } remaining
            ? new CancellationTokenSource(remaining, channel.TimeProvider)
            : new CancellationTokenSource();
        if (options.CancellationToken.CanBeCanceled)
        {
            _userCancellation = options.CancellationToken.UnsafeRegister(static state => CancelQuietly((CancellationTokenSource)state!), _cts);
        }
    }

    private static TimeSpan? RemainingTime(DateTime? deadline, TimeProvider timeProvider)
    {
        if (deadline is not { } value || value == DateTime.MaxValue)
        {
            return null;
        }
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var remaining = utc - timeProvider.GetUtcNow().UtcDateTime;
        return remaining >= GrpcChannel.MaxTimerDue ? null : remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    public Task<TResponse> StartUnary(TRequest request)
    {
        StartServerStreaming(request);
        return UnaryResponseAsync();
    }

    public void StartServerStreaming(TRequest request)
    {
        var payload = Serialize(request, out var tooLarge);
        if (tooLarge is not null)
        {
            _finalStatus = tooLarge.Status;
            _commitTask = Task.FromResult<GrpcCall<TRequest, TResponse>?>(null);
            return;
        }
        _buffer!.Add((payload, false));
        _completeRequested = true;
        _commitTask = RunAsync();
    }

    public void StartStreaming() => _commitTask = RunAsync();

    private byte[] Serialize(TRequest message, out RpcException? tooLarge)
    {
        var size = message.CalculateSize();
        if (_channel.MaxSendMessageSize is { } max && size > max)
        {
            tooLarge = MessageSerializer.SendTooLarge(size, max);
            return [];
        }
        tooLarge = null;
        var payload = new byte[size];
        message.WriteTo(payload);
        return payload;
    }

    // ---------------------------------------------------------------- attempts

    private async Task<GrpcCall<TRequest, TResponse>?> RunAsync()
    {
        GrpcCall<TRequest, TResponse>? committed = null;
        try
        {
            committed = await _channel.RetryPipeline!.ExecuteAsync(
                static (self, token) => self.AttemptAsync(token), this, _cts.Token).ConfigureAwait(false);
        }
        catch (RetryableAttemptException exhausted)
        {
            committed = (GrpcCall<TRequest, TResponse>)exhausted.Attempt;
        }
        catch (OperationCanceledException)
        {
            _finalStatus = _disposed || _options.CancellationToken.IsCancellationRequested
                ? new Status(StatusCode.Cancelled, "Call canceled by the client.")
                : new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        _committed = committed;
        _buffer = null;
        if (committed is not null)
        {
            // Reading the committed attempt is the caller's business: record the call when it ends.
            _ = RecordWhenFinishedAsync(committed);
        }
        else
        {
            RecordCall(_finalStatus!.Value);
        }
        return committed;
    }

    private async Task RecordWhenFinishedAsync(GrpcCall<TRequest, TResponse> committed)
    {
        await committed.WhenFinished.ConfigureAwait(false);
        RecordCall(committed.GetStatus());
    }

    private async ValueTask<GrpcCall<TRequest, TResponse>> AttemptAsync(CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var attempt = new GrpcCall<TRequest, TResponse>(_channel, _method, _options, _credentials, _allowInsecureCredentials, isRetryAttempt: true);
        await _lock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _current = attempt;
            attempt.StartStreaming();
            if (_disposed)
            {
                attempt.Dispose();
            }
            foreach (var (payload, noCompress) in _buffer!)
            {
                await attempt.WritePayloadAsync(payload, noCompress, CancellationToken.None).ConfigureAwait(false);
            }
            if (_completeRequested)
            {
                await attempt.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The attempt ended while its requests were replayed; its status decides below.
        }
        finally
        {
            _lock.Release();
        }

        try
        {
            if (await attempt.PeekAsync().ConfigureAwait(false))
            {
                return attempt;
            }
        }
        catch (RpcException)
        {
        }
        if (!attempt.IsFinished)
        {
            await attempt.WhenFinished.ConfigureAwait(false);
        }
        var status = attempt.GetStatus();
        if (status.StatusCode == StatusCode.OK || !_retry.RetryableStatusCodes.Contains(status.StatusCode) || _noMoreRetries || _disposed)
        {
            return attempt;
        }
        TimeSpan? pushback = null;
        if (attempt.GetTrailers().GetValue("grpc-retry-pushback-ms") is { } pushbackText)
        {
            // gRFC A6: the server may ask for a delay, or (negative or malformed) for no retry at all.
            if (!int.TryParse(pushbackText, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return attempt;
            }
            pushback = TimeSpan.FromMilliseconds(milliseconds);
        }
        throw new RetryableAttemptException(attempt, attempt.MethodName, status, pushback);
    }

    private void RecordCall(Status status)
    {
        var histogram = _channel.Diagnostics.CallDuration;
        if (histogram.Enabled)
        {
            histogram.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, new TagList
            {
                { "grpc.method", _channel.GetMethodInfo(_method).Name },
                { "grpc.target", _channel.Target },
                { "grpc.status", ClientDiagnostics.StatusName(status.StatusCode) },
            });
        }
        _userCancellation.Unregister();
        _cts.Dispose();
    }

    private static void CancelQuietly(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async ValueTask<GrpcCall<TRequest, TResponse>> CommittedAsync()
    {
        var committed = _commitTask.IsCompletedSuccessfully ? _commitTask.Result : await _commitTask.ConfigureAwait(false);
        return committed ?? throw new RpcException(_finalStatus!.Value);
    }

    private async Task<TResponse> UnaryResponseAsync()
    {
        var committed = await CommittedAsync().ConfigureAwait(false);
        return await committed.ReadSingleResponseAsync().ConfigureAwait(false);
    }

    public Task<TResponse> ClientStreamingResponseAsync() => UnaryResponseAsync();

    // ---------------------------------------------------------------- the caller's view

    public async Task<Metadata> GetResponseHeadersAsync()
    {
        var committed = await CommittedAsync().ConfigureAwait(false);
        return await committed.GetResponseHeadersAsync().ConfigureAwait(false);
    }

    public Status GetStatus()
    {
        if (!_commitTask.IsCompleted)
        {
            throw new InvalidOperationException("Unable to get the status because the call is not complete.");
        }
        return _commitTask.Result?.GetStatus() ?? _finalStatus!.Value;
    }

    public Metadata GetTrailers()
    {
        if (!_commitTask.IsCompleted)
        {
            throw new InvalidOperationException("Can't get the call trailers because the call has not completed.");
        }
        return _commitTask.Result?.GetTrailers() ?? new Metadata();
    }

    public TResponse Current => _committed?.Current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var committed = await CommittedAsync().ConfigureAwait(false);
        return await committed.MoveNext(cancellationToken).ConfigureAwait(false);
    }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_committed is { } committed)
        {
            committed.WriteOptions = WriteOptions;
            return committed.WriteAsync(message, cancellationToken);
        }
        return WriteBufferedAsync(message, cancellationToken);
    }

    private async Task WriteBufferedAsync(TRequest message, CancellationToken cancellationToken)
    {
        if (_completeRequested)
        {
            throw new InvalidOperationException("Request stream has already been completed.");
        }
        var payload = Serialize(message, out var tooLarge);
        var noCompress = WriteOptions is { } writeOptions && (writeOptions.Flags & WriteFlags.NoCompress) != 0;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        GrpcCall<TRequest, TResponse>? target;
        try
        {
            if (tooLarge is not null)
            {
                _noMoreRetries = true;
                (_committed ?? _current)?.Fail(tooLarge.Status);
                throw tooLarge;
            }
            target = _committed;
            if (target is null)
            {
                _buffer?.Add((payload, noCompress));
                _bufferedBytes += payload.Length;
                if (_bufferedBytes > _retry.MaxRetryBufferPerCallSize && !_noMoreRetries)
                {
                    _noMoreRetries = true;
                    ClientLog.RetryBufferExceeded(_channel.Logger, _channel.GetMethodInfo(_method).Name, _bufferedBytes);
                }
                target = _current;
                if (target is null)
                {
                    // No attempt yet: the first one replays the buffer.
                    return;
                }
                try
                {
                    await target.WritePayloadAsync(payload, noCompress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RpcException or InvalidOperationException && _committed is null)
                {
                    // This attempt is over. The message stays buffered: a retry replays it, and if the
                    // call ends instead, reading the response reports the status.
                }
                return;
            }
        }
        finally
        {
            _lock.Release();
        }
        await target.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync()
    {
        if (_committed is { } committed)
        {
            await committed.CompleteAsync().ConfigureAwait(false);
            return;
        }
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            _completeRequested = true;
            var target = _committed ?? _current;
            if (target is not null)
            {
                try
                {
                    await target.CompleteAsync().ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (_committed is null)
                {
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CancelQuietly(_cts);
        (_committed ?? _current)?.Dispose();
    }
}

/// <summary>An attempt that ended with a status the retry policy may retry (handled by the Polly pipeline).</summary>
internal sealed class RetryableAttemptException : Exception
{
    public RetryableAttemptException(object attempt, string method, Status status, TimeSpan? pushback)
        : base($"Attempt of {method} ended with {status.StatusCode}: {status.Detail}")
    {
        Attempt = attempt;
        Method = method;
        Status = status;
        Pushback = pushback;
    }

    public object Attempt { get; }

    public string Method { get; }

    public Status Status { get; }

    public TimeSpan? Pushback { get; }
}
