namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>
/// The channel's call invoker: every call becomes one HTTP/2 request, or, for idempotent methods when
/// the channel retries, a series of attempts.
/// </summary>
internal sealed class GrpcCallInvoker : CallInvoker
{
    private readonly GrpcChannel _channel;
    private readonly CallCredentials[] _credentials;
    private readonly bool _allowInsecureCredentials;

    public GrpcCallInvoker(GrpcChannel channel, CallCredentials[] credentials, bool allowInsecureCredentials)
    {
        _channel = channel;
        _credentials = credentials;
        _allowInsecureCredentials = allowInsecureCredentials;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IClientCall<TRequest, TResponse> call;
        Task<TResponse> response;
        if (_channel.ShouldRetry(method))
        {
            var retrying = new RetryingCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, _channel.RetryOptions!);
            response = retrying.StartUnary(request);
            call = retrying;
        }
        else
        {
            var single = new GrpcCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, isRetryAttempt: false);
            response = single.StartUnary(request);
            call = single;
        }
        return new AsyncUnaryCall<TResponse>(response, ClientCallAccessors<TRequest, TResponse>.ResponseHeaders,
            ClientCallAccessors<TRequest, TResponse>.Status, ClientCallAccessors<TRequest, TResponse>.Trailers,
            ClientCallAccessors<TRequest, TResponse>.Dispose, call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IClientCall<TRequest, TResponse> call;
        if (_channel.ShouldRetry(method))
        {
            var retrying = new RetryingCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, _channel.RetryOptions!);
            retrying.StartServerStreaming(request);
            call = retrying;
        }
        else
        {
            var single = new GrpcCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, isRetryAttempt: false);
            single.StartServerStreaming(request);
            call = single;
        }
        return new AsyncServerStreamingCall<TResponse>(call, ClientCallAccessors<TRequest, TResponse>.ResponseHeaders,
            ClientCallAccessors<TRequest, TResponse>.Status, ClientCallAccessors<TRequest, TResponse>.Trailers,
            ClientCallAccessors<TRequest, TResponse>.Dispose, call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
    {
        IClientCall<TRequest, TResponse> call;
        Task<TResponse> response;
        if (_channel.ShouldRetry(method))
        {
            var retrying = new RetryingCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, _channel.RetryOptions!);
            retrying.StartStreaming();
            response = retrying.ClientStreamingResponseAsync();
            call = retrying;
        }
        else
        {
            var single = new GrpcCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, isRetryAttempt: false);
            single.StartStreaming();
            response = single.ReadSingleResponseAsync();
            call = single;
        }
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, response, ClientCallAccessors<TRequest, TResponse>.ResponseHeaders,
            ClientCallAccessors<TRequest, TResponse>.Status, ClientCallAccessors<TRequest, TResponse>.Trailers,
            ClientCallAccessors<TRequest, TResponse>.Dispose, call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
    {
        IClientCall<TRequest, TResponse> call;
        if (_channel.ShouldRetry(method))
        {
            var retrying = new RetryingCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, _channel.RetryOptions!);
            retrying.StartStreaming();
            call = retrying;
        }
        else
        {
            var single = new GrpcCall<TRequest, TResponse>(_channel, method, options, _credentials, _allowInsecureCredentials, isRetryAttempt: false);
            single.StartStreaming();
            call = single;
        }
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, call, ClientCallAccessors<TRequest, TResponse>.ResponseHeaders,
            ClientCallAccessors<TRequest, TResponse>.Status, ClientCallAccessors<TRequest, TResponse>.Trailers,
            ClientCallAccessors<TRequest, TResponse>.Dispose, call);
    }
}
