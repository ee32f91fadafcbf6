using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// The one place where exceptions become statuses, for every RPC of every service (no per-RPC try/catch):
/// <see cref="DomainException"/> by its kind with rich details (<see cref="GrpcErrors.ToRpcException"/>),
/// <see cref="DbUpdateConcurrencyException"/> ABORTED, a PostgreSQL unique violation ALREADY_EXISTS, an
/// <see cref="RpcException"/> as thrown (its message cut short), a cancelled call as it is, anything else INTERNAL
/// without its details, logged with the exception.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    /// <summary>
    /// A handler that completes at once (most unary calls) has its task returned as it is: no state machine, no
    /// second task per call. A failure, at once or later, is translated the same way.
    /// </summary>
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> call;
        try
        {
            call = continuation(request, context);
        }
        catch (Exception error)
        {
            return Task.FromException<TResponse>(Translate(error, context) ?? error);
        }
        return call.IsCompletedSuccessfully ? call : TranslatedAsync(call, context);
    }

    private async Task<TResponse> TranslatedAsync<TResponse>(Task<TResponse> call, ServerCallContext context)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception error) when (Translate(error, context) is { } status)
        {
            throw status;
        }
    }

    /// <summary>The status to send instead of <paramref name="error"/>, or null to let it through unchanged.</summary>
    internal RpcException? Translate(Exception error, ServerCallContext context)
    {
        switch (error)
        {
            case DomainException domain:
                return domain.ToRpcException();
            case RpcException rpc:
                var detail = ErrorText.Shorten(rpc.Status.Detail);
                return ReferenceEquals(detail, rpc.Status.Detail) ? null : new RpcException(new Status(rpc.StatusCode, detail), rpc.Trailers);
            case DbUpdateConcurrencyException:
                return GrpcErrors.ConcurrentChange();
            case DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique }:
                return GrpcErrors.UniqueViolation(unique.ConstraintName);
            case OperationCanceledException or IOException when context.CancellationToken.IsCancellationRequested:
                // The caller went away or the deadline passed: Grpc.AspNetCore answers CANCELLED / DEADLINE_EXCEEDED.
                return null;
            default:
                var traceId = Activity.Current?.TraceId.ToHexString();
                LogUnhandled(logger, context.Method, traceId, error);
                return GrpcErrors.Internal(traceId);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC {GrpcMethod} failed with an unhandled exception (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, string grpcMethod, string? traceId, Exception exception);
}
