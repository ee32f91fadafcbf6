using ReviewMechanism.Hosting.EchoService.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGrpcServer();

var app = builder.Build();

app.MapEchoEndpoints();
app.MapGrpcService<EchoHealthService>();

app.Run();
