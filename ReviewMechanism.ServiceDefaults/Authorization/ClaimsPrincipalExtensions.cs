using System.Security.Claims;

namespace ReviewMechanism.ServiceDefaults.Authorization;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The parties (ISO3, upper case) the caller acts for, from its <c>party</c> claims.</summary>
    public static IReadOnlySet<string> GetParties(this ClaimsPrincipal user) =>
        user.FindAll(MechanismClaims.Party)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(p => p.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the caller acts for <paramref name="party"/> (ISO3).</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string party) =>
        user.GetParties().Contains(party.ToUpperInvariant());

    public static string? GetSubject(this ClaimsPrincipal user) => user.FindFirst(MechanismClaims.Subject)?.Value;
}
