using Engagement.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEngagementService();
builder.AddEngagementPages();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseEngagementPages();

app.Run();

public partial class Program;
