using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// ASP.NET Core's <see cref="IAuthenticationService"/> with one shortcut: authenticating a request that carries no
/// <c>Authorization</c> header with the bearer scheme answers "no result" (what <see cref="JwtBearerHandler"/>
/// answers then) without creating the handler, its events and contexts for the request. The authentication
/// middleware asks this on every request, so anonymous RPCs, health probes and refused token-less calls no longer
/// pay about 1.5 kB of allocations each (bench/grpc-unary). The shortcut applies only while the scheme takes its
/// token from that header alone: no <c>MessageReceived</c> event, <c>EventsType</c> or forwarding configured.
/// Everything else (tokens, challenges, forbids, other schemes) goes to ASP.NET Core's service, created when first
/// needed in the request.
/// </summary>
internal sealed class TokenlessRequestAuthentication(Type innerType, IOptionsMonitor<JwtBearerOptions> bearerOptions, string bearerScheme)
    : IAuthenticationService
{
    private static readonly Task<AuthenticateResult> s_noResult = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Func<MessageReceivedContext, Task> s_defaultMessageReceived = new JwtBearerEvents().OnMessageReceived;

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) =>
        string.Equals(scheme, bearerScheme, StringComparison.Ordinal)
        && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        && TakesTokensFromTheHeaderOnly(bearerOptions.Get(bearerScheme))
            ? s_noResult
            : Inner(context).AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Inner(context).ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Inner(context).ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, System.Security.Claims.ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        Inner(context).SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Inner(context).SignOutAsync(context, scheme, properties);

    /// <summary>ASP.NET Core's service of this request (scoped, as registered by <c>AddAuthentication</c>).</summary>
    private IAuthenticationService Inner(HttpContext context) => (IAuthenticationService)context.RequestServices.GetRequiredService(innerType);

    private static bool TakesTokensFromTheHeaderOnly(JwtBearerOptions options) =>
        options.EventsType is null
        && (options.Events is null
            || (options.Events.GetType() == typeof(JwtBearerEvents) && ReferenceEquals(options.Events.OnMessageReceived, s_defaultMessageReceived)))
        && options.ForwardAuthenticate is null && options.ForwardDefault is null && options.ForwardDefaultSelector is null;

    /// <summary>
    /// Puts the shortcut for <paramref name="bearerScheme"/> in front of the registered <see cref="IAuthenticationService"/>
    /// (ASP.NET Core's, added by <c>AddAuthentication</c>, which stays registered, scoped, under its own type), and
    /// resolves <see cref="IAuthenticationHandlerProvider"/> once per application rather than once per request
    /// (<see cref="RequestHandlerProvider"/>). Both are singletons: a request that needs neither creates nothing.
    /// The scheme provider keeps its per-request answers (<see cref="CachedAuthenticationSchemes"/>).
    /// </summary>
    public static void Register(IServiceCollection services, string bearerScheme)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAuthenticationService));
        if (registered?.ImplementationType is { } implementation && registered.Lifetime == ServiceLifetime.Scoped)
        {
            services.Remove(registered);
            services.Add(ServiceDescriptor.Scoped(implementation, implementation));
            services.AddSingleton<IAuthenticationService>(sp =>
                new TokenlessRequestAuthentication(implementation, sp.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>(), bearerScheme));
        }
        var schemes = services.LastOrDefault(d => d.ServiceType == typeof(IAuthenticationSchemeProvider));
        if (schemes?.ImplementationType == typeof(AuthenticationSchemeProvider))
        {
            services.Remove(schemes);
            services.AddSingleton<IAuthenticationSchemeProvider, CachedAuthenticationSchemes>();
        }
        var handlers = services.LastOrDefault(d => d.ServiceType == typeof(IAuthenticationHandlerProvider));
        if (handlers?.ImplementationType == typeof(AuthenticationHandlerProvider) && handlers.Lifetime == ServiceLifetime.Scoped)
        {
            services.Remove(handlers);
            services.AddScoped<AuthenticationHandlerProvider>();
            services.AddSingleton<IAuthenticationHandlerProvider, RequestHandlerProvider>();
        }
    }
}
