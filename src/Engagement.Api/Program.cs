using Engagement.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEngagementService();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
