using Reporting.Api.Extensions;
using Reporting.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReportingService();
builder.AddReportingDashboard();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapReportingEndpoints();
app.MapGrpcService<ReportingGrpcService>();

app.Run();
