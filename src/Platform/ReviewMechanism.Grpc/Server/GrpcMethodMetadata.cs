namespace ReviewMechanism.Grpc.Server;

/// <summary>Endpoint metadata of every gRPC method endpoint: the implementing type and the RPC.</summary>
public sealed class GrpcMethodMetadata
{
    public GrpcMethodMetadata(Type serviceType, IMethod method)
    {
        ServiceType = serviceType;
        Method = method;
    }

    public Type ServiceType { get; }

    public IMethod Method { get; }
}
