using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Microsoft.Extensions.Hosting;

/// <summary>The standard OTEL_EXPORTER_OTLP_* settings, read from configuration (environment included).</summary>
internal sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    public static OtlpSettings? From(IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_ENDPOINT '{endpoint}' is not an absolute URL.");
        }
        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_PROTOCOL '{other}' is not supported (grpc or http/protobuf)."),
        };
        return new OtlpSettings(uri, protocol, configuration["OTEL_EXPORTER_OTLP_HEADERS"]);
    }

    /// <summary>Configures one signal's exporter; over HTTP each signal has its own path under the base URL.</summary>
    public void Apply(OtlpExporterOptions options, string signalPath)
    {
        options.Protocol = Protocol;
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + signalPath)
            : Endpoint;
        if (!string.IsNullOrWhiteSpace(Headers))
        {
            options.Headers = Headers;
        }
    }
}
