using System.IO.Pipelines;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>Reading responses and writing requests.</summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private TaskCompletionSource<Stream>? _requestStreamTcs;
    private TaskCompletionSource? _requestCompleteTcs;
    private Task? _writeTask;
    private bool _completeCalled;

    // ---------------------------------------------------------------- reading

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public WriteOptions? WriteOptions { get; set; }

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_readInProgress)
            {
                return Task.FromException<bool>(new InvalidOperationException("Can't read the next message because the previous read is still in progress."));
            }
            _readInProgress = true;
        }
        return MoveNextCoreAsync(cancellationToken);
    }

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                _readInProgress = false;
            }
        }
    }

    /// <summary>Reads the first response message ahead (for retries); true when one arrived.</summary>
    public async Task<bool> PeekAsync()
    {
        if (!await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false))
        {
            return false;
        }
        _peeked = _current;
        return true;
    }

    /// <summary>Unary and client-streaming responses: exactly one message, then an OK status.</summary>
    public Task<TResponse> ReadSingleResponseAsync() => ReadSingleCoreAsync().AsTask();

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResponse> ReadSingleCoreAsync()
    {
        if (!await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false))
        {
            throw CreateException();
        }
        var response = _current!;
        if (await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false))
        {
            Finish(new Status(StatusCode.Unimplemented, "Response cardinality violation: the server sent more than one response message for a call that expects one."), local: true);
            throw CreateException();
        }
        return response;
    }

    /// <summary>Reads the next message; false at the end of an OK call; RpcException for any other status.</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadMessageAsync(CancellationToken cancellationToken)
    {
        if (_peeked is { } peeked)
        {
            _peeked = null;
            _current = peeked;
            return true;
        }
        if (!_sendTask.IsCompleted)
        {
            await _sendTask.ConfigureAwait(false);
        }
        if (!_headersValid || _finished && _reader is null)
        {
            return EndOfStream();
        }

        CancellationTokenRegistration registration = default;
        if (cancellationToken.CanBeCanceled && cancellationToken != _options.CancellationToken)
        {
            registration = cancellationToken.UnsafeRegister(
                static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel("Reading the response was canceled by the client."), this);
        }
        try
        {
            var reader = _reader ??= PipeReader.Create(await _response!.Content.ReadAsStreamAsync(_callCts.Token).ConfigureAwait(false), ReaderOptions);
            while (true)
            {
                if (IsFinished)
                {
                    // Cancelled, timed out or failed in the meantime.
                    CompleteReader();
                    return EndOfStream();
                }
                var result = await reader.ReadAsync(_callCts.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (MessageSerializer.TryReadMessage(ref buffer, _method.ResponseParser, _channel.MaxReceiveMessageSize, _responseDecompressor, _responseEncoding, out var message))
                {
                    reader.AdvanceTo(buffer.Start);
                    _current = message;
                    _messagesReceived++;
                    return true;
                }
                if (result.IsCompleted)
                {
                    var leftOver = buffer.Length;
                    reader.AdvanceTo(buffer.End);
                    CompleteReader();
                    if (leftOver > 0)
                    {
                        Finish(new Status(StatusCode.Internal, $"The response ended in the middle of a message ({leftOver} bytes of an incomplete message)."), local: true);
                        return EndOfStream();
                    }
                    ReadTrailers();
                    return EndOfStream();
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (Exception ex) when (ex is not RpcException || !IsFinished)
        {
            CompleteReader();
            Finish(ResponseStatus.FromException(ex, beforeResponse: false), null, (ex as RpcException)?.Trailers, local: true);
            return EndOfStream();
        }
        finally
        {
            registration.Dispose();
        }
    }

    private void ReadTrailers()
    {
        var trailingHeaders = _response!.TrailingHeaders;
        if (ResponseStatus.TryGetStatus(trailingHeaders, out var status))
        {
            Finish(status, trailingHeaders, null, local: false);
        }
        else
        {
            Finish(new Status(StatusCode.Unknown, "The server ended the response without a grpc-status trailer."), trailingHeaders, null, local: false);
        }
    }

    private bool EndOfStream()
    {
        var status = _status!.Value;
        if (status.StatusCode == StatusCode.OK)
        {
            return false;
        }
        throw CreateException();
    }

    private void CompleteReader()
    {
        var reader = _reader;
        if (reader is not null && !_readerCompleted)
        {
            _readerCompleted = true;
            reader.Complete();
        }
    }

    private bool _readerCompleted;

    // ---------------------------------------------------------------- writing

    void IRequestStreamOwner.OnRequestStreamReady(Stream stream) => _requestStreamTcs!.TrySetResult(stream);

    Task IRequestStreamOwner.RequestCompleted => _requestCompleteTcs!.Task;

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return StartWrite(message, default, noCompress: false, cancellationToken);
    }

    /// <summary>Writes an already serialized message (retries replay these).</summary>
    public Task WritePayloadAsync(ReadOnlyMemory<byte> payload, bool noCompress, CancellationToken cancellationToken) =>
        StartWrite(null, payload, noCompress, cancellationToken);

    private Task StartWrite(TRequest? message, ReadOnlyMemory<byte> payload, bool noCompress, CancellationToken cancellationToken)
    {
        if (_requestStreamTcs is null)
        {
            return Task.FromException(new InvalidOperationException("This call has no request stream."));
        }
        lock (_lock)
        {
            if (_completeCalled)
            {
                return Task.FromException(new InvalidOperationException("Request stream has already been completed."));
            }
            if (_status is { } status)
            {
                return Task.FromException(status.StatusCode == StatusCode.OK
                    ? new InvalidOperationException("Can't write the message because the call is complete.")
                    : CreateException());
            }
            if (_writeTask is { IsCompleted: false })
            {
                return Task.FromException(new InvalidOperationException("Can't write the message because the previous write is in progress."));
            }
            return _writeTask = WriteCoreAsync(message, payload, noCompress, cancellationToken);
        }
    }

    private async Task WriteCoreAsync(TRequest? message, ReadOnlyMemory<byte> payload, bool noCompress, CancellationToken cancellationToken)
    {
        CancellationTokenRegistration registration = default;
        if (cancellationToken.CanBeCanceled && cancellationToken != _options.CancellationToken)
        {
            registration = cancellationToken.UnsafeRegister(
                static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel("Writing the request was canceled by the client."), this);
        }
        try
        {
            var size = message?.CalculateSize() ?? payload.Length;
            if (_channel.MaxSendMessageSize is { } maxSend && size > maxSend)
            {
                Finish(MessageSerializer.SendTooLarge(size, maxSend).Status, local: true);
                throw CreateException();
            }
            var stream = await _requestStreamTcs!.Task.ConfigureAwait(false);
            var compression = noCompress || WriteOptions is { } writeOptions && (writeOptions.Flags & WriteFlags.NoCompress) != 0 ? null : _requestCompression;
            if (message is not null)
            {
                await MessageSerializer.WriteMessageAsync(stream, message, size, compression, _callCts.Token).ConfigureAwait(false);
            }
            else
            {
                await MessageSerializer.WritePayloadAsync(stream, payload, compression, _callCts.Token).ConfigureAwait(false);
            }
            await stream.FlushAsync(_callCts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            if (_status is { } status)
            {
                throw status.StatusCode == StatusCode.OK
                    ? new InvalidOperationException("Can't write the message because the call is complete.")
                    : CreateException();
            }
            // The request side broke; the response (trailers) decides the call's status.
            throw new RpcException(ResponseStatus.FromException(ex, beforeResponse: false));
        }
        finally
        {
            registration.Dispose();
        }
    }

    public Task CompleteAsync()
    {
        if (_requestCompleteTcs is null)
        {
            return Task.FromException(new InvalidOperationException("This call has no request stream."));
        }
        lock (_lock)
        {
            if (_writeTask is { IsCompleted: false })
            {
                return Task.FromException(new InvalidOperationException("Can't complete the request stream because the previous write is in progress."));
            }
            _completeCalled = true;
        }
        // Runs the end of the request body inline: HttpClient sends END_STREAM.
        _requestCompleteTcs.TrySetResult();
        return Task.CompletedTask;
    }
}
