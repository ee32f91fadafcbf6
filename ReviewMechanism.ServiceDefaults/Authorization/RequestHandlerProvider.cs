using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// <see cref="IAuthenticationHandlerProvider"/> as a singleton that hands each request's lookups to ASP.NET Core's
/// <see cref="AuthenticationHandlerProvider"/> of that request (scoped: it keeps the handlers the request created).
/// The authentication middleware resolves the provider on every request but asks it for a handler only when a
/// scheme handles requests itself (remote sign-in) or a request is authenticated: so a request that needs no handler
/// no longer creates a provider and its dictionary.
/// </summary>
internal sealed class RequestHandlerProvider : IAuthenticationHandlerProvider
{
    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme) =>
        context.RequestServices.GetRequiredService<AuthenticationHandlerProvider>().GetHandlerAsync(context, authenticationScheme);
}
