using System.Security.Claims;
using Documents.Api.Domain.Access;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Api.Application;

public static class Callers
{
    /// <summary>The caller as its validated access token says (anonymous when there is none).</summary>
    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.GetSubject() is not { Length: > 0 } subject)
        {
            return Caller.Anonymous;
        }
        var roles = user.FindAll(MechanismClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, roles, user.GetParties());
    }
}
