namespace ReviewMechanism.Grpc;

/// <summary>
/// The one exception type for a non-OK call outcome, on both sides: a server handler throws it
/// to answer with a status; a client receives it for every non-OK status.
/// </summary>
public class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata())
    {
    }

    public RpcException(Status status, string message)
        : this(status, new Metadata(), message)
    {
    }

    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, $"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")")
    {
    }

    public RpcException(Status status, Metadata trailers, string message)
        : base(message)
    {
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }
}
