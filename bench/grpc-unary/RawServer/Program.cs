using ReviewMechanism.Bench.GrpcUnary;

var builder = BenchHosting.CreateBuilder(args);

var app = builder.Build();

app.UseBenchStats();
app.MapPrecomputedUnaryReply(builder.Configuration.GetValue("response-size", 100));

await app.RunAndAnnounceAsync();
