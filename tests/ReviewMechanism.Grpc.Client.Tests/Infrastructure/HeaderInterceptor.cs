using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Client.Tests.Infrastructure;

/// <summary>Appends one header to every unary and streaming call (records the order interceptors ran in).</summary>
public sealed class HeaderInterceptor : Interceptor
{
    private readonly string _key;
    private readonly string _value;

    public HeaderInterceptor(string key, string value)
    {
        _key = key;
        _value = value;
    }

    public List<string> Seen { get; } = [];

    private ClientInterceptorContext<TRequest, TResponse> Add<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        lock (Seen)
        {
            Seen.Add(context.Method.FullName);
        }
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            headers.Add(entry);
        }
        headers.Add(_key, _value);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Options.WithHeaders(headers));
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Add(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Add(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Add(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Add(context));
}
