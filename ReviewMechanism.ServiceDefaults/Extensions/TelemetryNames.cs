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

    /// <summary>
    /// Instruments not recorded although their meter is: each is measured on every request (or several times per
    /// request) and says nothing that <c>http.server.request.duration</c> and <c>http.server.active_requests</c> (kept)
    /// do not: the authentication time is part of the request's duration, a failed route match is a 404 or
    /// UNIMPLEMENTED status there, and every call rents memory-pool blocks and passes Kestrel's HTTP/2 stream queue.
    /// Dropping them (OpenTelemetry views) leaves ASP.NET Core's instruments disabled, so nothing is measured for them
    /// (five or more measurements and tag lookups less per gRPC call: bench/grpc-unary/pipeline-costs.md). Kestrel's
    /// connection instruments, the memory pool's other instruments, authorization attempts, authentication
    /// challenges and forbids, and every instrument of the other meters stay.
    /// </summary>
    public static readonly IReadOnlyList<string> DroppedInstruments =
    [
        "aspnetcore.authentication.authenticate.duration",
        "aspnetcore.routing.match_attempts",
        "aspnetcore.memory_pool.rented",
        "kestrel.queued_requests",
    ];
}
