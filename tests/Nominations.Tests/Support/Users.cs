using System.Security.Claims;
using Nominations.Api.Domain;
using Nominations.Api.Grpc;

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

    public static ClaimsPrincipal Secretariat => With("secretariat-1", RoleNames.Secretariat);

    public static ClaimsPrincipal FocalPointOf(string party) => With($"fp-{party.ToLowerInvariant()}", RoleNames.FocalPoint, party);

    public static Actor ActorOf(ClaimsPrincipal user) => CallerActor.From(user);
}
