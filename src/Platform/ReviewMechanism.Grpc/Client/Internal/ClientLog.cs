using Microsoft.Extensions.Logging;

namespace ReviewMechanism.Grpc.Client.Internal;

internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "Starting gRPC call {Method} to {Address}.")]
    public static partial void StartingCall(ILogger logger, string method, Uri address);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call {Method} finished with status {StatusCode} in {ElapsedMilliseconds:0.0} ms.")]
    public static partial void FinishedCall(ILogger logger, string method, StatusCode statusCode, double elapsedMilliseconds);

    [LoggerMessage(3, LogLevel.Information, "gRPC call {Method} failed with status {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Warning, "gRPC call {Method} got {StatusCode} on attempt {Attempt}; retrying in {DelayMilliseconds:0} ms.")]
    public static partial void Retrying(ILogger logger, string method, StatusCode statusCode, int attempt, double delayMilliseconds);

    [LoggerMessage(6, LogLevel.Debug, "gRPC call {Method} could not start: {Message}")]
    public static partial void ErrorStartingCall(ILogger logger, string method, string message, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "gRPC call {Method} ignored metadata key '{Key}', which belongs to the protocol.")]
    public static partial void ReservedHeaderSkipped(ILogger logger, string method, string key);

    [LoggerMessage(8, LogLevel.Debug, "gRPC call {Method} committed after {BufferedBytes} request bytes exceeded the retry buffer.")]
    public static partial void RetryBufferExceeded(ILogger logger, string method, long bufferedBytes);
}
