using Identity.Api.Application.Accounts;
using Identity.Api.Grpc;

namespace Identity.Api.Extensions;

/// <summary>
/// The Secretariat's accounts API (gRPC). Bearer tokens are checked by OpenIddict's validation with this server's
/// own keys and token entries (scheme <c>OpenIddict.Validation.AspNetCore</c>, registered with the server).
/// </summary>
public static class AccountsApiExtensions
{
    public static WebApplicationBuilder AddAccountsApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountAdministration>();
        return builder;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        app.MapGrpcService<AccountsGrpcService>();
        return app;
    }
}
