namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>The gRPC server as services configure it: every interceptor and metric they run is on.</summary>
public static class BenchGrpcPipeline
{
    public static WebApplicationBuilder AddBenchGrpcPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcServer();
        return builder;
    }
}
