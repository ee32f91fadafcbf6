using System.Security.Claims;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Nominations.Tests.Support;

/// <summary>Callers as their access tokens describe them.</summary>
public static class Users
{
    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public static ClaimsPrincipal With(string subject, string role, params string[] parties)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        claims.AddRange(parties.Select(p => new Claim("party", p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "sub", "role"));
    }

    public static ClaimsPrincipal Secretariat => With("secretariat-1", MechanismRoles.Secretariat);

    public static ClaimsPrincipal FocalPointOf(string party) => With($"fp-{party.ToLowerInvariant()}", MechanismRoles.FocalPoint, party);

    public static Caller ActorOf(ClaimsPrincipal user) => Caller.From(user);
}
