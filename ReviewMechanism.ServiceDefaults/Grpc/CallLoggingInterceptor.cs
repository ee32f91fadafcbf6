using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// One log line per call: method, status and duration. A call that ended OK logs at
/// <see cref="GrpcCallOptions.SuccessfulCallLogLevel"/> (Debug by default, so a busy service does not log every
/// call), a failure the caller caused at Information, a server-side failure (UNKNOWN, INTERNAL, UNAVAILABLE,
/// DATA_LOSS) at Warning. Outermost of the shared interceptors, so it sees the status the client gets.
/// </summary>
public sealed partial class CallLoggingInterceptor(ILoggerFactory loggers, IOptions<GrpcCallOptions> options) : Interceptor
{
    /// <summary>The category of the call lines.</summary>
    public const string CategoryName = "ReviewMechanism.ServiceDefaults.Grpc.CallLog";

    private readonly ILogger _logger = loggers.CreateLogger(CategoryName);

    /// <summary>
    /// A handler that completes at once (most unary calls) is logged and its task returned as it is: no state
    /// machine, no second task per call.
    /// </summary>
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        Task<TResponse> call;
        try
        {
            call = continuation(request, context);
        }
        catch (Exception error)
        {
            Finished(context, started, error);
            return Task.FromException<TResponse>(error);
        }
        if (call.IsCompletedSuccessfully)
        {
            Finished(context, started, null);
            return call;
        }
        return FinishedWhenDoneAsync(call, context, started);
    }

    private async Task<TResponse> FinishedWhenDoneAsync<TResponse>(Task<TResponse> call, ServerCallContext context, long started)
    {
        try
        {
            var response = await call.ConfigureAwait(false);
            Finished(context, started, null);
            return response;
        }
        catch (Exception error)
        {
            Finished(context, started, error);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context).ConfigureAwait(false);
            Finished(context, started, null);
            return response;
        }
        catch (Exception error)
        {
            Finished(context, started, error);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            Finished(context, started, null);
        }
        catch (Exception error)
        {
            Finished(context, started, error);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            Finished(context, started, null);
        }
        catch (Exception error)
        {
            Finished(context, started, error);
            throw;
        }
    }

    internal void Finished(ServerCallContext context, long started, Exception? error)
    {
        var settings = options.Value;
        if (!settings.EnableCallLogging)
        {
            return;
        }
        var status = error switch
        {
            null => context.Status,
            RpcException rpc => rpc.Status,
            OperationCanceledException or IOException when context.CancellationToken.IsCancellationRequested => new Status(StatusCode.Cancelled, "The call was cancelled."),
            _ => new Status(StatusCode.Unknown, error.GetType().Name),
        };
        var level = status.StatusCode switch
        {
            StatusCode.OK => settings.SuccessfulCallLogLevel,
            StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        if (!_logger.IsEnabled(level))
        {
            return;
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (status.StatusCode == StatusCode.OK || string.IsNullOrEmpty(status.Detail))
        {
            LogFinished(_logger, level, context.Method, status.StatusCode, elapsed);
        }
        else
        {
            LogFailed(_logger, level, context.Method, status.StatusCode, elapsed, status.Detail);
        }
    }

    [LoggerMessage(EventId = 1, Message = "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds:0.###} ms")]
    private static partial void LogFinished(ILogger logger, LogLevel level, string grpcMethod, StatusCode grpcStatusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Message = "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds:0.###} ms: {GrpcMessage}")]
    private static partial void LogFailed(ILogger logger, LogLevel level, string grpcMethod, StatusCode grpcStatusCode, double elapsedMilliseconds, string grpcMessage);
}
