using System.Security.Claims;
using ReviewMechanism.Grpc;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Grpc;

/// <summary>
/// Who is calling, from the access token: <c>sub</c>, <c>role</c> claims and one <c>party</c> claim (ISO3) per
/// party the user acts for. Handlers use it for the checks the role attributes cannot make (which party).
/// </summary>
internal sealed class Caller
{
    public const string Secretariat = "Secretariat";
    public const string FocalPoint = "FocalPoint";
    public const string GovernmentalExpert = "GovernmentalExpert";
    public const string Observer = "Observer";
    public const string NgoRepresentative = "NgoRepresentative";
    public const string Partner = "Partner";

    private Caller(string subject, IReadOnlySet<string> roles, IReadOnlySet<string> parties)
    {
        Subject = subject;
        Roles = roles;
        Parties = parties;
    }

    public string Subject { get; }

    public IReadOnlySet<string> Roles { get; }

    public IReadOnlySet<string> Parties { get; }

    public bool IsSecretariat => Roles.Contains(Secretariat);

    public static Caller From(ServerCallContext context) => From(context.User);

    public static Caller From(ClaimsPrincipal user)
    {
        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        var roles = user.Claims.Where(c => c.Type is "role" || c.Type == ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var parties = user.Claims.Where(c => c.Type == "party").Select(c => c.Value.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, roles, parties);
    }

    /// <summary>The Secretariat, or a user acting for <paramref name="party"/> in one of <paramref name="roles"/>.</summary>
    public void RequireSecretariatOrParty(string party, string action, params string[] roles)
    {
        if (IsSecretariat || (Parties.Contains(party) && roles.Any(Roles.Contains)))
        {
            return;
        }
        throw RpcFailures.PermissionDenied($"Only the secretariat or a {string.Join(" or ", roles.Select(Readable))} of {party} can {action}.");
    }

    /// <summary>The Secretariat, or a user acting for one of the parties of the review (confidential drafts and records).</summary>
    public void RequireAccessTo(CountryReview review)
    {
        if (!CanRead(review))
        {
            throw RpcFailures.PermissionDenied($"Review {review.Id} is confidential to its parties ({string.Join(", ", review.ActiveParticipants.Select(p => p.Iso3))}) and the secretariat.");
        }
    }

    public bool CanRead(CountryReview review) =>
        IsSecretariat || review.ActiveParticipants.Any(p => Parties.Contains(p.Iso3));

    public string RequireSubject()
    {
        if (Subject.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "The access token names no user (sub claim)."));
        }
        return Subject;
    }

    private static string Readable(string role) => role switch
    {
        FocalPoint => "focal point",
        GovernmentalExpert => "governmental expert",
        _ => role,
    };
}
