using Google.Protobuf;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server.Internal.CallHandlers;

internal sealed class UnaryCallHandler<TRequest, TResponse> : ServerCallHandler
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly UnaryServerMethod<TRequest, TResponse> _pipeline;

    public UnaryCallHandler(ServerMethodState state, Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> pipeline)
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
        var response = await _pipeline(request, call).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The handler returned no response message."));
        call.Complete(response);
    }
}
