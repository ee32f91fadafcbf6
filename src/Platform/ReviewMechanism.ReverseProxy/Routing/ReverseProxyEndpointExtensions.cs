using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.ReverseProxy.Model;
using ReviewMechanism.ReverseProxy.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.MapReverseProxy()</c>: one endpoint per configured route, as with YARP.</summary>
public static class ReverseProxyEndpointExtensions
{
    /// <summary>The AuthorizationPolicy value that lets a route be called without a token.</summary>
    public const string AnonymousPolicy = "anonymous";

    /// <summary>The AuthorizationPolicy value for "any valid token" (also what an unset policy means).</summary>
    public const string DefaultPolicy = "default";

    /// <summary>
    /// Maps every route: its path pattern (and methods, hosts), its order, the route as endpoint
    /// metadata, and its authorization policy (<c>anonymous</c>, <c>default</c> or unset = authenticated,
    /// or a named policy that must exist).
    /// </summary>
    public static IEndpointConventionBuilder MapReverseProxy(this IEndpointRouteBuilder endpoints)
    {
        var state = endpoints.ServiceProvider.GetRequiredService<ProxyState>();
        var pipeline = endpoints.ServiceProvider.GetRequiredService<ProxyPipeline>();
        var policies = endpoints.ServiceProvider.GetService<IAuthorizationPolicyProvider>();
        var conventions = new CompositeConventionBuilder();
        foreach (var route in state.Routes)
        {
            var match = route.Config.Match;
            RequestDelegate handler = context => pipeline.InvokeAsync(context, route);
            var builder = match.Methods.Count > 0
                ? endpoints.MapMethods(match.Path!, match.Methods, handler)
                : endpoints.Map(match.Path!, handler);
            builder.WithDisplayName($"proxy route {route.RouteId}").WithMetadata(route);
            var order = route.Config.Order ?? 0;
            builder.Add(b => ((RouteEndpointBuilder)b).Order = order);
            if (match.Hosts.Count > 0)
            {
                builder.RequireHost(match.Hosts.ToArray());
            }
            ApplyAuthorization(builder, route, policies);
            conventions.Add(builder);
        }
        return conventions;
    }

    private static void ApplyAuthorization(IEndpointConventionBuilder builder, RouteModel route, IAuthorizationPolicyProvider? policies)
    {
        var policy = route.Config.AuthorizationPolicy;
        if (string.Equals(policy, AnonymousPolicy, StringComparison.OrdinalIgnoreCase))
        {
            builder.AllowAnonymous();
            return;
        }
        if (policy is null || string.Equals(policy, DefaultPolicy, StringComparison.OrdinalIgnoreCase))
        {
            builder.RequireAuthorization();
            return;
        }
        if (policies is null || policies.GetPolicyAsync(policy).GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException(
                $"ReverseProxy:Routes:{route.RouteId}:AuthorizationPolicy '{policy}' is not a registered authorization policy (nor '{AnonymousPolicy}' or '{DefaultPolicy}').");
        }
        builder.RequireAuthorization(policy);
    }

    private sealed class CompositeConventionBuilder : IEndpointConventionBuilder
    {
        private readonly List<IEndpointConventionBuilder> _builders = [];

        public void Add(IEndpointConventionBuilder builder) => _builders.Add(builder);

        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in _builders)
            {
                builder.Add(convention);
            }
        }
    }
}
