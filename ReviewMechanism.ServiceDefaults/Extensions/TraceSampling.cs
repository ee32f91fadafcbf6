using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which traces a service records: a call that arrives with a sampled (or unsampled) trace parent follows its
/// caller, so a trace is whole or absent; a trace that starts here is kept with probability
/// <c>Telemetry:TraceSampleRatio</c> (default <see cref="DefaultRatio"/>). Recording every span of every call costs
/// a service 11-15% of its gRPC calls per CPU-second (bench/grpc-unary/results.md); one trace in ten keeps the picture
/// of where time goes and costs little. The AppHost sets 1 for local runs, so the dashboard shows every call.
/// </summary>
public static class TraceSampling
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    public const double DefaultRatio = 0.1;

    public static Sampler From(IConfiguration configuration)
    {
        var text = configuration[RatioKey];
        var ratio = DefaultRatio;
        if (!string.IsNullOrWhiteSpace(text)
            && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out ratio) || ratio is < 0 or > 1))
        {
            throw new InvalidOperationException($"{RatioKey} '{text}' is not a ratio between 0 and 1.");
        }
        return new ParentBasedSampler(ratio >= 1 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(ratio));
    }
}
