using Microsoft.Extensions.Logging;

namespace ReviewMechanism.Grpc.Server.Telemetry;

/// <summary>
/// The server's log line, one per call: method, status and duration. Successful calls log at
/// <see cref="GrpcServerOptions.SuccessfulCallLogLevel"/> (Debug by default, so a busy service does not
/// log every call), failures the caller caused at Information, server-side failures at Warning and a
/// handler's unhandled exception at Error with the exception.
/// </summary>
internal static class CallLog
{
    public const string CategoryName = "ReviewMechanism.Grpc.Server";

    private static readonly EventId FinishedId = new(1, "CallFinished");
    private static readonly EventId FailedId = new(2, "CallFailed");
    private static readonly EventId CrashedId = new(3, "HandlerException");

    private static readonly Action<ILogger, string, StatusCode, double, string, Exception?> Crashed =
        LoggerMessage.Define<string, StatusCode, double, string>(LogLevel.Error, CrashedId,
            "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds:0.###} ms: {GrpcMessage}");

    private static readonly Action<ILogger, string, Exception?> DeadlineFailure =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(4, "DeadlineError"),
            "gRPC {GrpcMethod}: error while ending the call at its deadline");

    public static void CallFinished(ILogger logger, LogLevel successLevel, string method, Status status, TimeSpan elapsed, Exception? exception)
    {
        if (exception is not null)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                Crashed(logger, method, status.StatusCode, elapsed.TotalMilliseconds, "the handler threw", exception);
            }
            return;
        }
        var level = status.StatusCode switch
        {
            StatusCode.OK => successLevel,
            StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }
        if (status.StatusCode == StatusCode.OK || string.IsNullOrEmpty(status.Detail))
        {
            Log(logger, level, FinishedId, new CallState(method, status.StatusCode, elapsed.TotalMilliseconds, null));
        }
        else
        {
            Log(logger, level, FailedId, new CallState(method, status.StatusCode, elapsed.TotalMilliseconds, status.Detail));
        }
    }

    public static void DeadlineError(ILogger logger, string method, Exception exception) =>
        DeadlineFailure(logger, method, exception);

    private static void Log(ILogger logger, LogLevel level, EventId id, CallState state) =>
        logger.Log(level, id, state, null, static (s, _) => s.ToString());

    /// <summary>Structured state of the line: GrpcMethod, GrpcStatusCode, ElapsedMilliseconds (and GrpcMessage).</summary>
    private readonly struct CallState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string _method;
        private readonly StatusCode _code;
        private readonly double _elapsed;
        private readonly string? _message;

        public CallState(string method, StatusCode code, double elapsed, string? message)
        {
            _method = method;
            _code = code;
            _elapsed = elapsed;
            _message = message;
        }

        public int Count => _message is null ? 4 : 5;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("GrpcMethod", _method),
            1 => new("GrpcStatusCode", _code),
            2 => new("ElapsedMilliseconds", _elapsed),
            3 when _message is not null => new("GrpcMessage", _message),
            _ => new("{OriginalFormat}", _message is null
                ? "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds} ms"
                : "gRPC {GrpcMethod} finished with {GrpcStatusCode} in {ElapsedMilliseconds} ms: {GrpcMessage}"),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            var elapsed = _elapsed.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            return _message is null
                ? $"gRPC {_method} finished with {_code} in {elapsed} ms"
                : $"gRPC {_method} finished with {_code} in {elapsed} ms: {_message}";
        }
    }
}
