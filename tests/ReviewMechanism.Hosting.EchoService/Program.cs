using ReviewMechanism.Hosting.EchoService.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGrpc();

var app = builder.Build();

app.MapEchoEndpoints();
app.MapGrpcService<EchoHealthService>();

app.Run();
