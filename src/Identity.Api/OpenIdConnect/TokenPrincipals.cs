using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.OpenIdConnect;

/// <summary>
/// What OpenIddict puts in the tokens it issues. Access tokens (RFC 9068, for the services): <c>sub</c>,
/// <c>role</c>, <c>party</c>, <c>scope</c>, <c>client_id</c> (added by OpenIddict), and for people <c>amr</c> and
/// <c>auth_time</c>. Identity tokens (for the client): with <c>profile</c> the name, roles and parties, with
/// <c>email</c> the e-mail address. Claims without a destination stay inside codes and refresh tokens only.
/// </summary>
public static class TokenPrincipals
{
    public static ClaimsIdentity ForPerson(ResourceOwner owner, ImmutableArray<string> scopes, IEnumerable<string> methods, DateTimeOffset authTime, string audience)
    {
        var identity = NewIdentity(owner.Subject, owner.Roles, owner.Parties, scopes, audience);
        identity.SetClaim(Claims.Name, owner.Name)
            .SetClaims(Claims.AuthenticationMethodReference, methods.Distinct().ToImmutableArray());
        identity.AddClaim(new Claim(Claims.AuthenticationTime, authTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        if (owner.Email is not null)
        {
            identity.SetClaim(Claims.Email, owner.Email);
            identity.AddClaim(new Claim(Claims.EmailVerified, owner.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        identity.SetDestinations(claim => Destinations(claim, scopes));
        return identity;
    }

    /// <summary>A client acting for itself (client_credentials): <c>sub</c> is its client id.</summary>
    public static ClaimsIdentity ForClient(string clientId, ImmutableArray<string> scopes, IReadOnlyList<string> roles, IReadOnlyList<string> parties, string audience)
    {
        var identity = NewIdentity(clientId, roles, parties, scopes, audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return identity;
    }

    /// <summary>The moment a person signed in, carried by the codes and refresh tokens of that sign-in.</summary>
    public static DateTimeOffset? AuthenticationTime(ClaimsPrincipal principal) =>
        long.TryParse(principal.GetClaim(Claims.AuthenticationTime), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static ClaimsIdentity NewIdentity(string subject, IReadOnlyList<string> roles, IReadOnlyList<string> parties, ImmutableArray<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(authenticationType: "OpenIddict", nameType: Claims.Subject, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaims(Claims.Role, roles.ToImmutableArray())
            .SetClaims(OidcClaims.Party, parties.ToImmutableArray());
        identity.SetScopes(scopes);
        identity.SetAudiences(audience);
        return identity;
    }

    private static IEnumerable<string> Destinations(Claim claim, ImmutableArray<string> scopes)
    {
        const string access = OpenIddictConstants.Destinations.AccessToken;
        const string identity = OpenIddictConstants.Destinations.IdentityToken;
        return claim.Type switch
        {
            Claims.Subject or Claims.AuthenticationMethodReference or Claims.AuthenticationTime => [access, identity],
            Claims.Role or OidcClaims.Party => scopes.Contains(Scopes.Profile) ? [access, identity] : [access],
            Claims.Name => scopes.Contains(Scopes.Profile) ? [identity] : [],
            Claims.Email or Claims.EmailVerified => scopes.Contains(Scopes.Email) ? [identity] : [],
            _ => [],
        };
    }
}
