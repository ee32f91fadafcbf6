using Documents.Api.Extensions;
using Documents.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDocumentsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<DocumentsGrpcService>();

app.Run();
