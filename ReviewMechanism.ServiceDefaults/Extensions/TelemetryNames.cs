namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The ActivitySources and Meters recorded besides those of the instrumentation packages (ASP.NET Core, HttpClient,
/// gRPC client, EF Core, Redis, runtime): messaging, the outbox/inbox, gRPC's meters, the database driver, ASP.NET
/// Core's own meters.
/// </summary>
public static class TelemetryNames
{
    public static readonly IReadOnlyList<string> ActivitySources =
    [
        "MassTransit",
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
