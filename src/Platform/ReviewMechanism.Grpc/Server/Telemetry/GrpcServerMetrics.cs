using System.Diagnostics.Metrics;
using ReviewMechanism.Grpc.Server.Internal;

namespace ReviewMechanism.Grpc.Server.Telemetry;

/// <summary>
/// The server's instruments on Meter "ReviewMechanism.Grpc.Server". Each recording first checks
/// that a listener is enabled, so with none attached a call costs a few field reads.
/// Tags: rpc.system, rpc.service, rpc.method (and rpc.grpc.status_code on completion).
/// </summary>
public sealed class GrpcServerMetrics
{
    public const string MeterName = "ReviewMechanism.Grpc.Server";

    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _received;

    public GrpcServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _started = meter.CreateCounter<long>("grpc.server.call.started", "{call}", "Calls started.");
        _completed = meter.CreateCounter<long>("grpc.server.call.completed", "{call}", "Calls completed, by status code.");
        _duration = meter.CreateHistogram<double>("grpc.server.call.duration", "s", "Duration of calls, from headers to status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _sent = meter.CreateCounter<long>("grpc.server.message.sent", "{message}", "Response messages sent.");
        _received = meter.CreateCounter<long>("grpc.server.message.received", "{message}", "Request messages received.");
    }

    internal bool DurationEnabled => _duration.Enabled;

    internal void CallStarted(ServerMethodState state)
    {
        if (_started.Enabled)
        {
            _started.Add(1, state.MetricTags.Method);
        }
    }

    internal void CallCompleted(ServerMethodState state, StatusCode code, TimeSpan elapsed)
    {
        if (_completed.Enabled || _duration.Enabled)
        {
            var tags = state.MetricTags.WithStatus(code);
            if (_completed.Enabled)
            {
                _completed.Add(1, tags);
            }
            if (_duration.Enabled)
            {
                _duration.Record(elapsed.TotalSeconds, tags);
            }
        }
    }

    internal void MessageSent(ServerMethodState state)
    {
        if (_sent.Enabled)
        {
            _sent.Add(1, state.MetricTags.Method);
        }
    }

    internal void MessageReceived(ServerMethodState state)
    {
        if (_received.Enabled)
        {
            _received.Add(1, state.MetricTags.Method);
        }
    }
}
