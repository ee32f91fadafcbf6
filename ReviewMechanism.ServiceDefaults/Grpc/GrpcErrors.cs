using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// The one mapping of refusals to gRPC statuses, with the rich error model (google.rpc.Status in
/// <c>grpc-status-details-bin</c>, built with Grpc.StatusProto): google.rpc.BadRequest for INVALID_ARGUMENT,
/// google.rpc.PreconditionFailure for FAILED_PRECONDITION, and a google.rpc.ErrorInfo (reason = the stable
/// code, domain <see cref="ErrorDomain"/>, metadata <c>subject</c>) for every kind. Messages are cut short
/// (<see cref="ErrorText.Shorten"/>).
/// </summary>
public static class GrpcErrors
{
    /// <summary>The ErrorInfo domain of every service of the mechanism, so clients read one vocabulary of reasons.</summary>
    public const string ErrorDomain = "reviewmechanism.unodc.org";

    public static StatusCode ToStatusCode(this DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        DomainErrorKind.NotFound => StatusCode.NotFound,
        DomainErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        DomainErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        DomainErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        DomainErrorKind.Conflict => StatusCode.Aborted,
        _ => StatusCode.Internal,
    };

    /// <summary>The status a domain refusal is sent as.</summary>
    public static RpcException ToRpcException(this DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.Kind.ToStatusCode();
        var message = ErrorText.Shorten(error.Message);
        var subject = ErrorText.Shorten(error.Subject);
        var details = new List<IMessage>(2);
        switch (error.Kind)
        {
            case DomainErrorKind.InvalidArgument:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.Add(error.Violations.Select(v => new BadRequest.Types.FieldViolation
                {
                    Field = ErrorText.Shorten(v.Field),
                    Description = ErrorText.Shorten(v.Description),
                }));
                details.Add(badRequest);
                break;
            case DomainErrorKind.FailedPrecondition:
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = error.Code, Subject = subject, Description = message });
                details.Add(failure);
                break;
        }
        details.Add(Info(error.Code, ("subject", subject)));
        return Create(code, message, details);
    }

    /// <summary>ABORTED: a concurrent change won (optimistic concurrency); reading again and retrying may succeed.</summary>
    public static RpcException ConcurrentChange() => Create(StatusCode.Aborted,
        "The record changed while this request was handled (another user or instance updated it). Read it again and retry.",
        [Info("CONCURRENT_CHANGE")]);

    /// <summary>ALREADY_EXISTS: a unique constraint refused a row another request created meanwhile.</summary>
    public static RpcException UniqueViolation(string? constraint) => Create(StatusCode.AlreadyExists,
        $"This already exists ({ErrorText.Quote(constraint)}); it was created by another request meanwhile.",
        [Info("ALREADY_EXISTS", ("subject", ErrorText.Quote(constraint)))]);

    /// <summary>INTERNAL without the exception's details (they are logged under <paramref name="traceId"/>).</summary>
    public static RpcException Internal(string? traceId) => Create(StatusCode.Internal,
        traceId is null
            ? "The service failed to handle the request; the error was logged."
            : $"The service failed to handle the request; the error was logged (trace {traceId}).",
        [Info("INTERNAL")]);

    /// <summary>Any status with detail messages packed into google.rpc.Status.</summary>
    public static RpcException Create(StatusCode code, string message, IEnumerable<IMessage> details) =>
        Status(code, message, details).ToRpcException();

    /// <summary>
    /// A refusal made before any RPC code runs (authorization, the gateway's own checks), to be sent by
    /// <see cref="TrailersOnlyStatus"/>: <paramref name="message"/> as it is, then <paramref name="details"/>
    /// (google.rpc.RetryInfo...) and last the ErrorInfo of <paramref name="reason"/>.
    /// </summary>
    public static Google.Rpc.Status Refusal(StatusCode code, string message, string reason, IEnumerable<(string Key, string? Value)> metadata, params IEnumerable<IMessage> details) =>
        Status(code, message, details.Append(Info(reason, [.. metadata])));

    /// <summary>
    /// A google.rpc.ErrorInfo of <see cref="ErrorDomain"/>: the stable <paramref name="reason"/> and metadata whose
    /// values are cut short (<see cref="ErrorText.Cut"/>); empty values are left out.
    /// </summary>
    public static ErrorInfo Info(string reason, params ReadOnlySpan<(string Key, string? Value)> metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        foreach (var (key, value) in metadata)
        {
            if (!string.IsNullOrEmpty(value))
            {
                info.Metadata[key] = ErrorText.Cut(value);
            }
        }
        return info;
    }

    private static Google.Rpc.Status Status(StatusCode code, string message, IEnumerable<IMessage> details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(details.Select(Any.Pack));
        return status;
    }
}
