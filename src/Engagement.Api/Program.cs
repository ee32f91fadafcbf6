using Engagement.Api.Extensions;
using Engagement.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEngagementService();
builder.AddEngagementPages();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseEngagementPages();
app.MapGrpcService<EngagementGrpcService>();

app.Run();

public partial class Program;
