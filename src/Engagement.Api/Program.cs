using Engagement.Api.Extensions;
using Engagement.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEngagementService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<EngagementGrpcService>();

app.Run();
