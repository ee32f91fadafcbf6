using Documents.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDocumentsService();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
