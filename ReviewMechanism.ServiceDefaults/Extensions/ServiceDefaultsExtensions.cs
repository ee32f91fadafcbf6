using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Microsoft.Extensions.Hosting;

/// <summary>The defaults every service of the mechanism starts with, as in Aspire's ServiceDefaults.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks tagged with this answer <c>/alive</c> (liveness); every check answers <c>/health</c>.</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of the checks of what a service depends on (database, broker, cache).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Every check (what the AppHost probes before starting what waits for the service).</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness only.</summary>
    public const string AlivePath = "/alive";

    /// <summary>
    /// As Aspire's template: OpenTelemetry (traces, metrics, logs over OTLP), health checks, service discovery
    /// (<c>services__{name}__{endpoint}__0</c> from the AppHost's references) and the standard resilience handler on
    /// every HttpClient from the factory. Plus the clock, structured logs, gRPC hosting and the shared authorization
    /// policies. Token validation (<see cref="AuthenticationExtensions.AddDefaultAuthentication{TBuilder}"/>),
    /// the database (<c>AddNpgsqlDbContext</c>), Redis (<c>AddRedisClient</c>) and messaging (<c>AddMessaging</c>)
    /// are added by each service that needs them.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultClock();
        builder.AddDefaultLogging();
        builder.AddDefaultTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddMechanismAuthorization();

        builder.AddDefaultGrpcHosting();
        return builder;
    }

    /// <summary>How long one check may take before it counts as unhealthy (unless it sets its own timeout).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The liveness check, and a timeout on every check registered without one (the database's, the broker's,
    /// Redis'): a dependency that does not answer makes <c>/health</c> say so within seconds instead of holding the
    /// request until the prober gives up, which says nothing of the cause.
    /// </summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = CheckTimeout;
            }
        });
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: every check (503 when one is unhealthy); <c>/alive</c>: liveness only. Both anonymous.
    /// Also the standard gRPC services: health (same checks) and reflection.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapDefaultGrpcServices();
        return app;
    }

    private static class HealthResponse
    {
        /// <summary>The overall status as plain text first (what probes read), then one line per check.</summary>
        public static async Task WriteAsync(HttpContext context, HealthReport report)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(report.Status.ToString()).ConfigureAwait(false);
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var detail = entry.Description ?? entry.Exception?.Message;
                await context.Response.WriteAsync($"\n{name}: {entry.Status}{(detail is null ? "" : " - " + detail)}").ConfigureAwait(false);
            }
        }
    }
}
