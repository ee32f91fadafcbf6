extern alias library;

using ReviewMechanism.Bench.GrpcUnary;

var builder = BenchHosting.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBenchTelemetry();
builder.AddBenchGrpcPipeline();

var app = builder.Build();

app.UseBenchStats();
app.MapDefaultEndpoints();
// The library's mapping (ServiceDefaults also brings Grpc.AspNetCore's MapGrpcService).
library::Microsoft.AspNetCore.Builder.GrpcEndpointRouteBuilderExtensions.MapGrpcService<BenchTestService>(app);

await app.RunAndAnnounceAsync();
