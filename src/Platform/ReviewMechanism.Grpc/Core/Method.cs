using Google.Protobuf;

namespace ReviewMechanism.Grpc;

/// <summary>Describes one RPC. Instances are generated from protos/; nobody writes method-name strings by hand.</summary>
public interface IMethod
{
    MethodType Type { get; }

    string ServiceName { get; }

    string Name { get; }

    /// <summary>The HTTP/2 path: <c>/{package.Service}/{Method}</c>.</summary>
    string FullName { get; }

    /// <summary>True when the proto declares the RPC idempotent or free of side effects: safe to retry.</summary>
    bool IsIdempotent { get; }
}

/// <summary>A typed RPC description with the parsers of its messages.</summary>
public sealed class Method<TRequest, TResponse> : IMethod
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public Method(MethodType type, string serviceName, string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser, bool isIdempotent)
    {
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = "/" + serviceName + "/" + name;
        RequestParser = requestParser;
        ResponseParser = responseParser;
        IsIdempotent = isIdempotent;
    }

    public MethodType Type { get; }

    public string ServiceName { get; }

    public string Name { get; }

    public string FullName { get; }

    public bool IsIdempotent { get; }

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }
}
