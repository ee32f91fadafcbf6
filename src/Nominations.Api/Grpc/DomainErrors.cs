using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Nominations.Api.Domain;
using ReviewMechanism.Grpc;

namespace Nominations.Api.Grpc;

/// <summary>
/// Turns a refused command into the gRPC status the conventions ask for, with a google.rpc.Status in
/// <c>grpc-status-details-bin</c>: BadRequest for INVALID_ARGUMENT, PreconditionFailure for
/// FAILED_PRECONDITION, ErrorInfo (reason = the domain code) for the others.
/// </summary>
public static class DomainErrors
{
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    public const string ErrorDomain = "nominations.reviewmechanism";

    public static RpcException ToRpcException(DomainException error)
    {
        var code = error.Kind switch
        {
            DomainErrorKind.InvalidArgument => StatusCode.InvalidArgument,
            DomainErrorKind.NotFound => StatusCode.NotFound,
            DomainErrorKind.AlreadyExists => StatusCode.AlreadyExists,
            DomainErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
            DomainErrorKind.PermissionDenied => StatusCode.PermissionDenied,
            DomainErrorKind.Conflict => StatusCode.Aborted,
            _ => StatusCode.Internal,
        };
        var details = new Google.Rpc.Status { Code = (int)code, Message = error.Message };
        details.Details.Add(Any.Pack(Detail(error)));
        var trailers = new Metadata { { StatusDetailsTrailer, details.ToByteArray() } };
        return new RpcException(new Status(code, error.Message), trailers);
    }

    private static IMessage Detail(DomainException error)
    {
        switch (error.Kind)
        {
            case DomainErrorKind.InvalidArgument:
                var badRequest = new Google.Rpc.BadRequest();
                badRequest.FieldViolations.Add(error.Violations.Select(v => new Google.Rpc.BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                return badRequest;
            case DomainErrorKind.FailedPrecondition:
                var precondition = new Google.Rpc.PreconditionFailure();
                precondition.Violations.Add(new Google.Rpc.PreconditionFailure.Types.Violation { Type = error.Code, Subject = error.Subject ?? "", Description = error.Message });
                return precondition;
            default:
                var info = new Google.Rpc.ErrorInfo { Reason = error.Code, Domain = ErrorDomain };
                if (error.Subject is not null)
                {
                    info.Metadata.Add("subject", error.Subject);
                }
                return info;
        }
    }
}
