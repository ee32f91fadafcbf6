using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc;

/// <summary>
/// Builds RpcExceptions carrying the rich error model (google.rpc.Status in grpc-status-details-bin),
/// so clients get machine-readable details next to a readable message.
/// </summary>
public static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing each wrong field.</summary>
    public static RpcException InvalidArgument(string message, params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }
        return WithDetails(StatusCode.InvalidArgument, message, badRequest);
    }

    /// <summary>FAILED_PRECONDITION with a google.rpc.PreconditionFailure (e.g. a stage that does not allow the command).</summary>
    public static RpcException FailedPrecondition(string message, string type, string subject)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = message });
        return WithDetails(StatusCode.FailedPrecondition, message, failure);
    }

    /// <summary>Any status with detail messages packed into google.rpc.Status.</summary>
    public static RpcException WithDetails(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }
        var trailers = new Metadata { { GrpcHeaders.StatusDetails, status.ToByteArray() } };
        return new RpcException(new Status(code, message), trailers);
    }

    /// <summary>The google.rpc.Status a server attached, or null.</summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        var bytes = exception.Trailers.GetValueBytes(GrpcHeaders.StatusDetails);
        return bytes is null ? null : Google.Rpc.Status.Parser.ParseFrom(bytes);
    }

    /// <summary>The first detail of type T in a google.rpc.Status, or null.</summary>
    public static T? GetDetail<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new()
    {
        var descriptor = new T().Descriptor;
        foreach (var any in status.Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }
        return null;
    }
}
