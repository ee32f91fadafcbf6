namespace ReviewMechanism.Grpc;

/// <summary>The four shapes of an RPC.</summary>
public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}
