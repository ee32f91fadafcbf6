using Identity.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityService();
builder.AddAccountsApi();

var app = builder.Build();
if (BootstrapCommands.IsCommand(args)) return await app.RunBootstrapCommandAsync(args);

app.UseIdentityService();
app.MapDefaultEndpoints();
app.MapAccountsApi();

await app.RunAsync();
return 0;

public partial class Program;
