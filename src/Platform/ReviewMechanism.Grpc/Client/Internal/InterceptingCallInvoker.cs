using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>Runs one interceptor around an inner invoker.</summary>
internal sealed class InterceptingCallInvoker : CallInvoker
{
    private readonly CallInvoker _inner;
    private readonly Interceptor _interceptor;

    public InterceptingCallInvoker(CallInvoker inner, Interceptor interceptor)
    {
        _inner = inner;
        _interceptor = interceptor;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request) =>
        _interceptor.AsyncUnaryCall(request, new ClientInterceptorContext<TRequest, TResponse>(method, options),
            (req, context) => _inner.AsyncUnaryCall(context.Method, context.Options, req));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request) =>
        _interceptor.AsyncServerStreamingCall(request, new ClientInterceptorContext<TRequest, TResponse>(method, options),
            (req, context) => _inner.AsyncServerStreamingCall(context.Method, context.Options, req));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options) =>
        _interceptor.AsyncClientStreamingCall(new ClientInterceptorContext<TRequest, TResponse>(method, options),
            context => _inner.AsyncClientStreamingCall(context.Method, context.Options));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options) =>
        _interceptor.AsyncDuplexStreamingCall(new ClientInterceptorContext<TRequest, TResponse>(method, options),
            context => _inner.AsyncDuplexStreamingCall(context.Method, context.Options));
}
