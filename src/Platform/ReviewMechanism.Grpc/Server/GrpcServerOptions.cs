using System.IO.Compression;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Server;

/// <summary>Server-wide settings of the gRPC layer (<c>services.AddGrpcServer(o => ...)</c>).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); null for no limit. Default 4 MB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = MessageFraming.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent (before compression); null for no limit (the default).</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// When true, an unhandled exception's type and message go to the client in <c>grpc-message</c>.
    /// Off by default: clients then see only "Exception was thrown by handler.".
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Compression for responses ("gzip"), used when the client accepts it; null or "identity" for none.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;

    /// <summary>Interceptors run around every call, outermost first. Resolved once at startup (singletons).</summary>
    public InterceptorCollection Interceptors { get; } = new();

    /// <summary>
    /// When false (the default) gRPC requests for an unknown service or method answer UNIMPLEMENTED;
    /// when true they fall through to the rest of the application (usually 404).
    /// </summary>
    public bool IgnoreUnknownServices { get; set; }

    /// <summary>
    /// When true, mapping a service whose RPC declares neither <c>[Authorize]</c> nor <c>[AllowAnonymous]</c>
    /// (on the method or its class) fails at startup. When false such an RPC answers PERMISSION_DENIED.
    /// </summary>
    public bool RequireAuthorizationDeclarations { get; set; }

    /// <summary>Run the registered <c>IValidator&lt;TRequest&gt;</c>s before each handler (default true).</summary>
    public bool EnableValidation { get; set; } = true;

    /// <summary>
    /// One log line per call (method, status, duration), category "ReviewMechanism.Grpc.Server"
    /// (default true). Failures log at Information (caller's fault), Warning (server's) or Error (handler threw).
    /// </summary>
    public bool EnableCallLogging { get; set; } = true;

    /// <summary>The level of the line for a call that ended OK (default Debug; Information makes it an access log).</summary>
    public LogLevel SuccessfulCallLogLevel { get; set; } = LogLevel.Debug;
}
