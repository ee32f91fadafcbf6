using Google.Protobuf;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server.Internal.CallHandlers;

internal sealed class ServerStreamingCallHandler<TRequest, TResponse> : ServerCallHandler
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ServerStreamingServerMethod<TRequest, TResponse> _pipeline;

    public ServerStreamingCallHandler(ServerMethodState state, Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> pipeline)
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
        var request = await RequestMessageReader.ReadSingleAsync(call, _method.RequestParser).ConfigureAwait(false);
        await _pipeline(request, new ResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
        call.Complete(null);
    }
}
