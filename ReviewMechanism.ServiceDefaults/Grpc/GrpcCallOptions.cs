using Microsoft.Extensions.Logging;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// What the shared interceptors do, bound from configuration section <c>Grpc:Server</c> (with Grpc.AspNetCore's
/// own options: <c>Grpc__Server__EnableDetailedErrors</c>, <c>Grpc__Server__MaxReceiveMessageSize</c>...).
/// </summary>
public sealed class GrpcCallOptions
{
    /// <summary>Run the registered <see cref="IValidator{TRequest}"/>s before each handler (default true).</summary>
    public bool EnableValidation { get; set; } = true;

    /// <summary>
    /// One log line per call (method, status, duration), category <c>ReviewMechanism.ServiceDefaults.Grpc.CallLog</c>
    /// (default true). Failures log at Information (the caller's), Warning (the server's).
    /// </summary>
    public bool EnableCallLogging { get; set; } = true;

    /// <summary>The level of the line for a call that ended OK (default Debug; Information makes it an access log).</summary>
    public LogLevel SuccessfulCallLogLevel { get; set; } = LogLevel.Debug;
}
