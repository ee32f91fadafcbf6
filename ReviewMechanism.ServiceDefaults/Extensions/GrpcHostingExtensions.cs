using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Grpc.Server;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// gRPC hosting every service shares. Kestrel's endpoints come from configuration: the AppHost sets
/// <c>Kestrel__Endpoints__http__Url</c> (HTTP/1.1 and HTTP/2: health, pages) and
/// <c>Kestrel__Endpoints__grpc__Url</c> with <c>Protocols=Http2</c> (cleartext HTTP/2 for gRPC).
/// </summary>
public static class GrpcHostingExtensions
{
    /// <summary>Configuration section bound onto <see cref="GrpcServerOptions"/> (e.g. <c>Grpc__Server__EnableDetailedErrors</c>).</summary>
    public const string SectionName = "Grpc:Server";

    /// <summary>
    /// The gRPC server with the platform's rules: every RPC must declare who may call it (the build of the
    /// endpoint fails otherwise), registered validators run, one log line per failed call. Health checks feed
    /// grpc.health.v1.Health.
    /// </summary>
    public static TBuilder AddDefaultGrpcHosting<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(SectionName);
        builder.Services.AddGrpcServer(options =>
        {
            options.RequireAuthorizationDeclarations = true;
            section.Bind(options);
        });
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    /// <summary>grpc.health.v1.Health (Check, Watch) over the service's health checks, and server reflection (v1, v1alpha).</summary>
    public static WebApplication MapDefaultGrpcServices(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
