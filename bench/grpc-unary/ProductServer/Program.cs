using ReviewMechanism.Bench.GrpcUnary;

var builder = BenchHosting.CreateBuilder(args);

// A service validates tokens (JwtBearer registered, so the authentication middleware runs on every call); the
// benchmark's calls carry none and the RPC is anonymous, so the authority is never contacted.
builder.Configuration["Identity:Authority"] ??= "http://127.0.0.1:9/";
builder.AddServiceDefaults();
builder.AddDefaultAuthentication();

var app = builder.Build();

app.UseBenchStats();
app.MapDefaultEndpoints();
app.MapGrpcService<BenchTestService>();

await app.RunAndAnnounceAsync();
