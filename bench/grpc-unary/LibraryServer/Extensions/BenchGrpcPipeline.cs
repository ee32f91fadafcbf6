using ReviewMechanism.Grpc.Server;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// The gRPC server as a service configures it: the library's defaults (call logging, metrics,
/// validation, per-method authorization, deadlines) plus one interceptor of the service's own.
/// </summary>
public static class BenchGrpcPipeline
{
    public static WebApplicationBuilder AddBenchGrpcPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcServer(options => options.Interceptors.Add<ServiceInterceptor>());
        return builder;
    }
}
