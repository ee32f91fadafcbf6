using Nominations.Api.Extensions;
using Nominations.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNominationsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<NominationsGrpcService>();

app.Run();
