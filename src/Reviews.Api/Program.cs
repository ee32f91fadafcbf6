using Reviews.Api.Extensions;
using Reviews.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReviewsService();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcService<ReviewsGrpcService>();

app.Run();
