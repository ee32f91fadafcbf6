using Microsoft.Extensions.Logging;

namespace ReviewMechanism.Grpc.Server.Telemetry;

/// <summary>The server's log lines: one per call, plus the exception of a failed handler.</summary>
internal static class CallLog
{
    public const string CategoryName = "ReviewMechanism.Grpc.Server";

    private static readonly Action<ILogger, string, StatusCode, double, Exception?> Finished =
        LoggerMessage.Define<string, StatusCode, double>(LogLevel.Information, new EventId(1, "CallFinished"),
            "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds:0.###} ms");

    private static readonly Action<ILogger, string, StatusCode, double, string, Exception?> Failed =
        LoggerMessage.Define<string, StatusCode, double, string>(LogLevel.Information, new EventId(2, "CallFailed"),
            "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds:0.###} ms: {GrpcMessage}");

    private static readonly Action<ILogger, string, StatusCode, double, Exception?> Crashed =
        LoggerMessage.Define<string, StatusCode, double>(LogLevel.Error, new EventId(3, "HandlerException"),
            "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds:0.###} ms: the handler threw");

    private static readonly Action<ILogger, string, Exception?> DeadlineFailure =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(4, "DeadlineError"),
            "gRPC {GrpcMethod}: error while ending the call at its deadline");

    public static void CallFinished(ILogger logger, string method, Status status, TimeSpan elapsed, Exception? exception)
    {
        if (exception is not null)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                Crashed(logger, method, status.StatusCode, elapsed.TotalMilliseconds, exception);
            }
            return;
        }
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        if (status.StatusCode == StatusCode.OK || string.IsNullOrEmpty(status.Detail))
        {
            Finished(logger, method, status.StatusCode, elapsed.TotalMilliseconds, null);
        }
        else
        {
            Failed(logger, method, status.StatusCode, elapsed.TotalMilliseconds, status.Detail, null);
        }
    }

    public static void DeadlineError(ILogger logger, string method, Exception exception) =>
        DeadlineFailure(logger, method, exception);
}
