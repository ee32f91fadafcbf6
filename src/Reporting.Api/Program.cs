using Reporting.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReportingService();
builder.AddReportingDashboard();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapReportingEndpoints();

app.Run();
