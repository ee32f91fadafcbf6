using Microsoft.AspNetCore.Http;

namespace ReviewMechanism.Grpc.Server.Authorization;

/// <summary>
/// Tells a refused caller's fault from the server's: when authentication failed because the server could not
/// check credentials at all (for example the identity provider's signing keys cannot be fetched), an RPC that
/// requires an authenticated caller answers UNAVAILABLE (retry later) instead of UNAUTHENTICATED (your
/// credentials are wrong). Optional: without a registration every refusal is UNAUTHENTICATED.
/// </summary>
public interface IAuthenticationAvailability
{
    /// <summary>Whether this refused request's credentials could not be checked at all (asked only for refused calls).</summary>
    ValueTask<bool> IsUnavailableAsync(HttpContext httpContext);
}
