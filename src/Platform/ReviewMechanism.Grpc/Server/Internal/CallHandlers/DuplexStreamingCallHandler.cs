using Google.Protobuf;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server.Internal.CallHandlers;

internal sealed class DuplexStreamingCallHandler<TRequest, TResponse> : ServerCallHandler
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly DuplexStreamingServerMethod<TRequest, TResponse> _pipeline;

    public DuplexStreamingCallHandler(ServerMethodState state, Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> pipeline)
        : base(state)
    {
        _method = method;
        _pipeline = pipeline;
    }

    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        if (!State.Authorization.IsAnonymous)
        {
            await State.Authorization.AuthorizeAsync(call.HttpContext).ConfigureAwait(false);
        }
        await _pipeline(new RequestStreamReader<TRequest>(call, _method.RequestParser), new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        call.Complete(null);
    }
}
