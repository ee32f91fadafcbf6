using System.Runtime.CompilerServices;

namespace ReviewMechanism.Grpc;

/// <summary>A unary call in flight: await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly CallState _state;

    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        ResponseAsync = responseAsync;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose);
    }

    /// <summary>
    /// The allocation-free form used by call invokers: the functions are static and receive
    /// <paramref name="state"/> (the call object) as their argument.
    /// </summary>
    public AsyncUnaryCall(Task<TResponse> responseAsync, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        ResponseAsync = responseAsync;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose, state);
    }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync => _state.ResponseHeadersAsync;

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public Status GetStatus() => _state.GetStatus();

    public Metadata GetTrailers() => _state.GetTrailers();

    public void Dispose() => _state.Dispose();
}

/// <summary>A server-streaming call in flight.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly CallState _state;

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        ResponseStream = responseStream;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose);
    }

    /// <summary>The allocation-free form used by call invokers (see <see cref="AsyncUnaryCall{TResponse}"/>).</summary>
    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        ResponseStream = responseStream;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose, state);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public Task<Metadata> ResponseHeadersAsync => _state.ResponseHeadersAsync;

    public Status GetStatus() => _state.GetStatus();

    public Metadata GetTrailers() => _state.GetTrailers();

    public void Dispose() => _state.Dispose();
}

/// <summary>A client-streaming call in flight: write requests, complete, then await the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallState _state;

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose);
    }

    /// <summary>The allocation-free form used by call invokers (see <see cref="AsyncUnaryCall{TResponse}"/>).</summary>
    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose, state);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync => _state.ResponseHeadersAsync;

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public Status GetStatus() => _state.GetStatus();

    public Metadata GetTrailers() => _state.GetTrailers();

    public void Dispose() => _state.Dispose();
}

/// <summary>A bidirectional-streaming call in flight.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallState _state;

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose);
    }

    /// <summary>The allocation-free form used by call invokers (see <see cref="AsyncUnaryCall{TResponse}"/>).</summary>
    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _state = new CallState(responseHeadersAsync, getStatus, getTrailers, dispose, state);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public Task<Metadata> ResponseHeadersAsync => _state.ResponseHeadersAsync;

    public Status GetStatus() => _state.GetStatus();

    public Metadata GetTrailers() => _state.GetTrailers();

    public void Dispose() => _state.Dispose();
}

/// <summary>
/// The shared part of the call objects: either plain delegates (closures) or static functions over a
/// state object. Response headers are requested lazily, so a call that never reads them pays nothing.
/// </summary>
internal readonly struct CallState
{
    private readonly object? _state;
    private readonly Task<Metadata>? _headersTask;
    private readonly Func<object, Task<Metadata>>? _headers;
    private readonly Delegate _status;
    private readonly Delegate _trailers;
    private readonly Delegate _dispose;

    public CallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        _state = null;
        _headersTask = responseHeadersAsync;
        _headers = null;
        _status = getStatus;
        _trailers = getTrailers;
        _dispose = dispose;
    }

    public CallState(Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        _state = state;
        _headersTask = null;
        _headers = responseHeadersAsync;
        _status = getStatus;
        _trailers = getTrailers;
        _dispose = dispose;
    }

    public Task<Metadata> ResponseHeadersAsync => _headersTask ?? _headers!(_state!);

    public Status GetStatus() => _state is null ? ((Func<Status>)_status)() : ((Func<object, Status>)_status)(_state);

    public Metadata GetTrailers() => _state is null ? ((Func<Metadata>)_trailers)() : ((Func<object, Metadata>)_trailers)(_state);

    public void Dispose()
    {
        if (_state is null)
        {
            ((Action)_dispose)();
        }
        else
        {
            ((Action<object>)_dispose)(_state);
        }
    }
}
