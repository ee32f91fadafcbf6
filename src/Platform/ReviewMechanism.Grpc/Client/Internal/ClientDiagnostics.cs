using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>
/// The client's ActivitySource and instruments, named "ReviewMechanism.Grpc.Client". Instrument
/// names and attributes follow gRPC's OpenTelemetry metrics (gRFC A66).
/// </summary>
internal sealed class ClientDiagnostics
{
    public const string Name = "ReviewMechanism.Grpc.Client";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter SharedMeter = new(Name);

    private static ClientDiagnostics? s_shared;

    private ClientDiagnostics(Meter meter)
    {
        AttemptStarted = meter.CreateCounter<long>("grpc.client.attempt.started", "{attempt}", "Number of call attempts started, retries included.");
        AttemptDuration = meter.CreateHistogram<double>("grpc.client.attempt.duration", "s", "Time from the start of an attempt to its status.");
        CallDuration = meter.CreateHistogram<double>("grpc.client.call.duration", "s", "Time from the start of a call to its final status, retries included.");
        Retries = meter.CreateCounter<long>("grpc.client.call.retries", "{retry}", "Attempts started again after a retryable status.");
    }

    public Counter<long> AttemptStarted { get; }

    public Histogram<double> AttemptDuration { get; }

    public Histogram<double> CallDuration { get; }

    public Counter<long> Retries { get; }

    public static ClientDiagnostics Create(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            return s_shared ??= new ClientDiagnostics(SharedMeter);
        }
        return new ClientDiagnostics(meterFactory.Create(Name));
    }

    public static string StatusName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
