using System.Security.Claims;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// Who is calling, read once from the access token (<see cref="MechanismClaims"/>): the subject (or the client of
/// a machine token), the roles and the parties (ISO3, upper case) the user acts for. The RPC's attributes decide
/// which roles may call; use cases take a <see cref="Caller"/> for the checks attributes cannot make (which party).
/// Build it with <c>context.GetCaller()</c> in a gRPC handler or <see cref="From"/>.
/// </summary>
public sealed record Caller(string Subject, string ClientId, IReadOnlySet<string> Roles, IReadOnlySet<string> Parties)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static Caller Anonymous { get; } = new("", "", None, None);

    public bool IsSecretariat => Roles.Contains(MechanismRoles.Secretariat);

    /// <summary>A user of the review module (Secretariat, focal point, governmental expert, observer).</summary>
    public bool IsRegistered => Roles.Overlaps(MechanismRoles.Registered);

    /// <summary>How the caller is named in records: the subject, else the client id, else "anonymous".</summary>
    public string Name => Subject.Length > 0 ? Subject : ClientId.Length > 0 ? ClientId : "anonymous";

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>True when the caller acts for <paramref name="party"/> (ISO3, any case).</summary>
    public bool ActsFor(string party) => Parties.Contains(party.ToUpperInvariant());

    /// <summary>The Secretariat, or a caller in one of <paramref name="roles"/> acting for <paramref name="party"/>.</summary>
    public bool IsSecretariatOr(string party, params IEnumerable<string> roles) => IsSecretariat || (ActsFor(party) && IsInAnyRole(roles));

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var subject = user.GetSubject() ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        var roles = user.Claims
            .Where(c => c.Type is MechanismClaims.Role or ClaimTypes.Role)
            .Select(c => c.Value)
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, user.FindFirst(MechanismClaims.ClientId)?.Value ?? "", roles, user.GetParties());
    }
}
