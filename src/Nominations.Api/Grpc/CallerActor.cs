using System.Security.Claims;
using Nominations.Api.Domain;

namespace Nominations.Api.Grpc;

/// <summary>Reads the caller from the access token's claims: <c>sub</c>, <c>role</c> (one per role), <c>party</c> (one per ISO3 code).</summary>
public static class CallerActor
{
    public const string PartyClaim = "party";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";

    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Actor.Anonymous;
        }
        var subject = user.FindFirst(SubjectClaim)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        var roles = user.Claims
            .Where(c => c.Type == RoleClaim || c.Type == ClaimTypes.Role)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        var parties = user.Claims
            .Where(c => c.Type == PartyClaim)
            .Select(c => c.Value.Trim().ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return new Actor(subject, roles, parties);
    }
}
