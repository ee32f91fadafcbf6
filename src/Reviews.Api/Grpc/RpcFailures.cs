using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReviewMechanism.Grpc;
using Reviews.Api.Domain.Common;

namespace Reviews.Api.Grpc;

/// <summary>
/// Turns a refused operation into the gRPC status the contract promises, with a message a user understands and
/// the rich error details (google.rpc.BadRequest, PreconditionFailure). Nothing was stored when these are thrown:
/// every RPC saves once, at its end.
/// </summary>
internal static class RpcFailures
{
    public static RpcException ToRpcException(this DomainException error) => error.Kind switch
    {
        DomainErrorKind.InvalidArgument => RpcErrors.InvalidArgument(
            error.Message, [.. error.Violations.Select(v => (v.Field, v.Description))]),
        DomainErrorKind.FailedPrecondition => RpcErrors.FailedPrecondition(error.Message, error.Constraint, error.Subject),
        DomainErrorKind.NotFound => new RpcException(new Status(StatusCode.NotFound, error.Message)),
        _ => new RpcException(new Status(StatusCode.AlreadyExists, error.Message)),
    };

    /// <summary>Runs an RPC body, translating domain refusals and storage conflicts.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (DomainException error)
        {
            throw error.ToRpcException();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "The record changed while this request was handled (another user or instance updated it). Read it again and retry."));
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"This already exists ({unique.ConstraintName}); it was created by another request meanwhile."));
        }
    }

    public static RpcException PermissionDenied(string message) => new(new Status(StatusCode.PermissionDenied, message));
}
