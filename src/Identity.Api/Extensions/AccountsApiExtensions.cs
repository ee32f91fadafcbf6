using Identity.Api.Accounts;
using Identity.Api.Grpc;
using Identity.Api.OpenIdConnect.Tokens;
using Microsoft.AspNetCore.Authentication;

namespace Identity.Api.Extensions;

/// <summary>The Secretariat's accounts API (gRPC, bearer tokens checked with this server's own keys).</summary>
public static class AccountsApiExtensions
{
    public static WebApplicationBuilder AddAccountsApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddScoped<AccountAdministration>();
        return builder;
    }

    public static WebApplication MapAccountsApi(this WebApplication app)
    {
        app.MapGrpcService<AccountsGrpcService>();
        return app;
    }
}
