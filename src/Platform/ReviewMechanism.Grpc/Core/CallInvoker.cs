using Google.Protobuf;

namespace ReviewMechanism.Grpc;

/// <summary>Starts calls. The channel's invoker speaks HTTP/2; interceptors wrap it.</summary>
public abstract class CallInvoker
{
    public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    public abstract AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    public abstract AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    public abstract AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;
}

/// <summary>A connection target that hands out call invokers (the HTTP/2 channel is one).</summary>
public abstract class ChannelBase
{
    protected ChannelBase(string target)
    {
        Target = target;
    }

    public string Target { get; }

    public abstract CallInvoker CreateCallInvoker();
}

/// <summary>Base of every generated typed client.</summary>
public abstract class ClientBase
{
    protected ClientBase(ChannelBase channel)
        : this(channel.CreateCallInvoker())
    {
    }

    protected ClientBase(CallInvoker callInvoker)
    {
        CallInvoker = callInvoker;
    }

    protected CallInvoker CallInvoker { get; }
}
