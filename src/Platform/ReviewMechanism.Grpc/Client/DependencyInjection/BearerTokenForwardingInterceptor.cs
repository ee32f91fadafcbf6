using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Client;

/// <summary>
/// Forwards the bearer token of the request being served (the caller's <c>authorization</c> header)
/// on every outgoing call, so the next service authorizes the same user. Calls that already carry
/// an <c>authorization</c> header, and calls made outside a request, are left alone.
/// </summary>
public sealed class BearerTokenForwardingInterceptor : Interceptor
{
    private readonly IHttpContextAccessor _httpContextAccessor;

    public BearerTokenForwardingInterceptor(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var authorization = _httpContextAccessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return context;
        }
        var existing = context.Options.Headers;
        if (existing?.Get("authorization") is not null)
        {
            return context;
        }
        var headers = new Metadata();
        if (existing is not null)
        {
            foreach (var entry in existing)
            {
                headers.Add(entry);
            }
        }
        headers.Add("authorization", authorization);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Options.WithHeaders(headers));
    }
}
