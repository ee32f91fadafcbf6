namespace Microsoft.Extensions.Hosting;

/// <summary>The ActivitySources and Meters the services' telemetry listens to (by name: no instrumentation packages).</summary>
public static class TelemetryNames
{
    public static readonly IReadOnlyList<string> ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Grpc.AspNetCore.Server",
        "Grpc.Net.Client",
        "MassTransit",
        "Npgsql",
        ReviewMechanism.Messaging.Diagnostics.MessagingTelemetry.Name,
    ];

    public static readonly IReadOnlyList<string> Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
        "Grpc.AspNetCore.Server",
        "Grpc.Net.Client",
        "MassTransit",
        "Npgsql",
        "Microsoft.EntityFrameworkCore",
        ReviewMechanism.Messaging.Diagnostics.MessagingTelemetry.Name,
    ];
}
