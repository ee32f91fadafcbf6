using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Microsoft.Extensions.Hosting;

public static class AuthorizationExtensions
{
    /// <summary>
    /// Registers <see cref="AuthorizationPolicies"/> (roles from the <c>role</c> claim) and
    /// <see cref="GrpcAuthorizationResultHandler"/>, so refused gRPC calls get gRPC statuses.
    /// </summary>
    public static IServiceCollection AddMechanismAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(AuthorizationPolicies.Secretariat, p => p.RequireAuthenticatedUser().RequireRole(MechanismRoles.Secretariat))
            .AddPolicy(AuthorizationPolicies.FocalPoint, p => p.RequireAuthenticatedUser().RequireRole(MechanismRoles.FocalPoint).RequireClaim(MechanismClaims.Party))
            .AddPolicy(AuthorizationPolicies.PartyMember, p => p.RequireAuthenticatedUser()
                .RequireRole(MechanismRoles.FocalPoint, MechanismRoles.GovernmentalExpert, MechanismRoles.Observer)
                .RequireClaim(MechanismClaims.Party))
            .AddPolicy(AuthorizationPolicies.SecretariatOrPartyMember, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.IsInRole(MechanismRoles.Secretariat)
                || (context.User.HasClaim(c => c.Type == MechanismClaims.Party)
                    && (context.User.IsInRole(MechanismRoles.FocalPoint) || context.User.IsInRole(MechanismRoles.GovernmentalExpert) || context.User.IsInRole(MechanismRoles.Observer)))))
            .AddPolicy(AuthorizationPolicies.Partner, p => p.RequireAuthenticatedUser().RequireRole(MechanismRoles.Partner))
            .AddPolicy(AuthorizationPolicies.NgoRepresentative, p => p.RequireAuthenticatedUser().RequireRole(MechanismRoles.NgoRepresentative));
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>());
        return services;
    }
}
