using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// gRPC hosting every service shares, on Grpc.AspNetCore. Kestrel's endpoints come from configuration: the AppHost
/// sets <c>Kestrel__Endpoints__http__Url</c> (HTTP/1.1 and HTTP/2: health, pages) and
/// <c>Kestrel__Endpoints__grpc__Url</c> with <c>Protocols=Http2</c> (cleartext HTTP/2 for gRPC).
/// </summary>
public static class GrpcHostingExtensions
{
    /// <summary>Configuration section bound onto Grpc.AspNetCore's <c>GrpcServiceOptions</c> and <see cref="GrpcCallOptions"/>.</summary>
    public const string SectionName = "Grpc:Server";

    /// <summary>
    /// The gRPC server with the mechanism's rules: the interceptors every call goes through, outermost first
    /// (<see cref="CallLoggingInterceptor"/>: one line per call; <see cref="ErrorInterceptor"/>: exceptions to
    /// statuses with rich details; <see cref="ValidationInterceptor"/>: registered validators), registered as one
    /// (<see cref="ServerCallInterceptor"/>: one Grpc.AspNetCore interceptor layer per call, not three), the start-up check
    /// that every mapped RPC declares its callers, grpc.health.v1 over the ASP.NET Core health checks, and reflection.
    /// </summary>
    public static TBuilder AddDefaultGrpcHosting<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(SectionName);
        builder.Services.AddOptions<GrpcCallOptions>().Bind(section);
        builder.Services.TryAddSingleton<CallLoggingInterceptor>();
        builder.Services.TryAddSingleton<ErrorInterceptor>();
        builder.Services.TryAddSingleton<ValidationInterceptor>();
        builder.Services.TryAddSingleton<ServerCallInterceptor>();
        builder.Services.AddGrpc(options =>
        {
            section.Bind(options);
            // Unknown services and methods are answered by UnknownRpcMiddleware (with an ErrorInfo), not here.
            options.IgnoreUnknownServices = true;
            options.Interceptors.Add<ServerCallInterceptor>();
        });
        // Grpc.AspNetCore's binder, with unparsable request messages answered INVALID_ARGUMENT (see the provider).
        foreach (var binder in builder.Services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true).ToArray())
        {
            builder.Services.Remove(binder);
        }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(ValidatedMessagesMethodProvider<>)));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, AuthorizationDeclarationCheck>());
        return builder;
    }

    /// <summary>
    /// grpc.health.v1.Health (Check, Watch) over the service's health checks, and server reflection; both anonymous. A gRPC
    /// call no endpoint matches is answered UNIMPLEMENTED with its ErrorInfo (<see cref="UnknownRpcMiddleware"/>).
    /// </summary>
    public static WebApplication MapDefaultGrpcServices(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.UseMiddleware<UnknownRpcMiddleware>();
        return app;
    }
}
