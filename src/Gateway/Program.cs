using Gateway.Extensions;

SharedBufferPool.SizeForConcurrentStreams();

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGateway();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
