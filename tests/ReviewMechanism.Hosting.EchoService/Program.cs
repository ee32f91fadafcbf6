using ReviewMechanism.Hosting.EchoService.Extensions;

var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapEchoEndpoints();

app.Run();
