using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.Server.Authorization;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>Everything a call needs that is fixed per method: computed once at startup, shared by every call.</summary>
internal sealed class ServerMethodState
{
    public ServerMethodState(
        IMethod method,
        GrpcServerOptions options,
        ILogger logger,
        GrpcServerMetrics metrics,
        DeadlineScheduler deadlines,
        MethodAuthorization authorization)
    {
        Method = method;
        Options = options;
        Logger = logger;
        Metrics = metrics;
        Deadlines = deadlines;
        Authorization = authorization;
        FullName = method.FullName;
        MetricTags = new MethodMetricTags(method);
        ActivityName = method.ServiceName + "/" + method.Name;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize ?? int.MaxValue;
        MaxSendMessageSize = options.MaxSendMessageSize;
        LogCalls = options.EnableCallLogging;
        IsClientStreaming = method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming;
        IsStreaming = method.Type != MethodType.Unary;
        // Kestrel's 30 MB body limit would cut a unary message the options allow: lift it then.
        RelaxBodySize = MaxReceiveMessageSize > 28 * 1024 * 1024;
    }

    public IMethod Method { get; }

    public string FullName { get; }

    /// <summary>The span name of OpenTelemetry's RPC conventions: <c>{package.Service}/{Method}</c>.</summary>
    public string ActivityName { get; }

    public GrpcServerOptions Options { get; }

    public ILogger Logger { get; }

    public GrpcServerMetrics Metrics { get; }

    public MethodMetricTags MetricTags { get; }

    /// <summary>The server's shared deadline timer.</summary>
    public DeadlineScheduler Deadlines { get; }

    public MethodAuthorization Authorization { get; }

    public int MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }

    public bool LogCalls { get; }

    public bool IsClientStreaming { get; }

    public bool IsStreaming { get; }

    public bool RelaxBodySize { get; }
}
