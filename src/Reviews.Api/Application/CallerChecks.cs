using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Application;

/// <summary>
/// The checks on the caller's parties that the RPC attributes (roles) cannot make, run by the use cases. Refusals are PERMISSION_DENIED
/// <see cref="DomainException"/>s (reason <c>NOT_YOUR_PARTY</c> or <c>CONFIDENTIAL_REVIEW</c>).
/// </summary>
internal static class CallerChecks
{
    /// <summary>The Secretariat, or a user acting for <paramref name="party"/> in one of <paramref name="roles"/>.</summary>
    public static void RequireSecretariatOrParty(this Caller caller, string party, string action, params string[] roles)
    {
        if (!caller.IsSecretariatOr(party, roles))
        {
            throw DomainException.Denied("NOT_YOUR_PARTY", $"party/{party}",
                $"Only the secretariat or a {string.Join(" or ", roles.Select(Readable))} of {party} can {action}.");
        }
    }

    /// <summary>The Secretariat, or a user acting for one of the parties of the review (confidential drafts and records).</summary>
    public static void RequireAccessTo(this Caller caller, CountryReview review)
    {
        if (!caller.CanRead(review))
        {
            throw DomainException.Denied("CONFIDENTIAL_REVIEW", $"country-review/{review.Id}",
                $"Review {review.Id} is confidential to its parties ({string.Join(", ", review.ActiveParticipants.Select(p => p.Iso3))}) and the secretariat.");
        }
    }

    public static bool CanRead(this Caller caller, CountryReview review) =>
        caller.IsSecretariat || review.ActiveParticipants.Any(p => caller.Parties.Contains(p.Iso3));

    private static string Readable(string role) => role switch
    {
        MechanismRoles.FocalPoint => "focal point",
        MechanismRoles.GovernmentalExpert => "governmental expert",
        _ => role,
    };
}
