using Microsoft.AspNetCore.Http;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// Tells a refused caller's fault from the server's: when a request's credentials could not be checked at all
/// (the identity service's signing keys cannot be fetched), an RPC that needs a caller answers UNAVAILABLE
/// ("retry later") instead of UNAUTHENTICATED ("your credentials are wrong"). Registered by
/// <c>AddDefaultAuthentication</c>; without it every refusal is UNAUTHENTICATED.
/// </summary>
public interface IAuthenticationAvailability
{
    /// <summary>Whether this refused request's credentials could not be checked at all (asked only for refused calls).</summary>
    ValueTask<bool> IsUnavailableAsync(HttpContext httpContext);
}
