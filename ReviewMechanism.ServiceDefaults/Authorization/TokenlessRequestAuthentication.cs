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
/// pay about 1.4 kB of allocations each (bench/grpc-unary). The shortcut applies only while the scheme takes its
/// token from that header alone: no <c>MessageReceived</c> event, <c>EventsType</c> or forwarding configured.
/// Everything else (tokens, challenges, forbids, other schemes) goes to ASP.NET Core's service, created when first
/// needed in the request.
/// </summary>
internal sealed class TokenlessRequestAuthentication(
    IServiceProvider requestServices, ObjectFactory innerFactory, IOptionsMonitor<JwtBearerOptions> bearerOptions, string bearerScheme)
    : IAuthenticationService
{
    private static readonly Task<AuthenticateResult> s_noResult = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Func<MessageReceivedContext, Task> s_defaultMessageReceived = new JwtBearerEvents().OnMessageReceived;

    private IAuthenticationService? _inner;

    private IAuthenticationService Inner => _inner ??= (IAuthenticationService)innerFactory(requestServices, null);

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) =>
        string.Equals(scheme, bearerScheme, StringComparison.Ordinal)
        && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        && TakesTokensFromTheHeaderOnly(bearerOptions.Get(bearerScheme))
            ? s_noResult
            : Inner.AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Inner.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, System.Security.Claims.ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        Inner.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Inner.SignOutAsync(context, scheme, properties);

    private static bool TakesTokensFromTheHeaderOnly(JwtBearerOptions options) =>
        options.EventsType is null
        && (options.Events is null
            || (options.Events.GetType() == typeof(JwtBearerEvents) && ReferenceEquals(options.Events.OnMessageReceived, s_defaultMessageReceived)))
        && options.ForwardAuthenticate is null && options.ForwardDefault is null && options.ForwardDefaultSelector is null;

    /// <summary>
    /// Wraps the registered <see cref="IAuthenticationService"/> (ASP.NET Core's, added by <c>AddAuthentication</c>)
    /// with the shortcut for <paramref name="bearerScheme"/>.
    /// </summary>
    public static void Register(IServiceCollection services, string bearerScheme)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAuthenticationService));
        if (registered?.ImplementationType is not { } implementation || registered.Lifetime != ServiceLifetime.Scoped)
        {
            return; // Someone registered their own service: leave it alone.
        }
        var factory = ActivatorUtilities.CreateFactory(implementation, Type.EmptyTypes);
        services.Remove(registered);
        services.AddScoped<IAuthenticationService>(sp =>
            new TokenlessRequestAuthentication(sp, factory, sp.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>(), bearerScheme));
    }
}
