using Gateway.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Extensions;

/// <summary>
/// Policies routes can name (ReverseProxy:Routes:*:AuthorizationPolicy), defined in configuration:
/// <c>Gateway:AuthorizationPolicies:{name}:Scopes</c> (every scope required, from the space-separated
/// <c>scope</c> claim) and <c>:Roles</c> (any one role). Every policy needs an authenticated caller.
/// </summary>
public static class AuthorizationExtensions
{
    public static WebApplicationBuilder AddEdgeAuthorization(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gateway:AuthorizationPolicies");
        builder.Services.AddAuthorization(options =>
        {
            foreach (var policy in section.GetChildren())
            {
                var scopes = policy.GetSection("Scopes").Get<string[]>() ?? [];
                var roles = policy.GetSection("Roles").Get<string[]>() ?? [];
                options.AddPolicy(policy.Key, p =>
                {
                    p.RequireAuthenticatedUser();
                    if (scopes.Length > 0)
                    {
                        p.AddRequirements(new ScopeRequirement(scopes));
                    }
                    if (roles.Length > 0)
                    {
                        p.RequireRole(roles);
                    }
                });
            }
        });
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return builder;
    }
}
