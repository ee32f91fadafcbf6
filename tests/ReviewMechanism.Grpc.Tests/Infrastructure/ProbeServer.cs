using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Grpc.Server;

namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>Starts a test server hosting ProbeService with the given gRPC options.</summary>
public static class ProbeServer
{
    public static Task<GrpcTestServer> StartAsync(
        Action<GrpcServerOptions>? options = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? app = null) =>
        GrpcTestServer.StartAsync(
            s =>
            {
                s.AddSingleton<ProbeObservations>();
                s.AddGrpcServer(options);
                services?.Invoke(s);
            },
            a =>
            {
                app?.Invoke(a);
                a.MapGrpcService<ProbeServiceImpl>();
            });
}
