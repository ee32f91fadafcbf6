using Reporting.Api.Extensions;
using Reporting.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReportingService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<ReportingGrpcService>();

app.Run();
