using ReviewMechanism.Bench.GrpcUnary;

var builder = BenchHosting.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBenchTelemetry();
builder.AddBenchGrpcPipeline();

var app = builder.Build();

app.UseBenchStats();
app.MapDefaultEndpoints();
app.MapGrpcService<BenchTestService>();

await app.RunAndAnnounceAsync();
