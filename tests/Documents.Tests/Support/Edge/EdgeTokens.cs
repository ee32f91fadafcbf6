using Gateway.Tests.Infrastructure;
using Grpc.Core;

namespace Documents.Tests.Support.Edge;

/// <summary>Access tokens as the identity service issues them (RS256 at+jwt, scope, role, party), from the test issuer.</summary>
public static class EdgeTokens
{
    /// <summary>A person's token: subject, one role, its parties, scope <c>documents</c> unless told otherwise.</summary>
    public static Metadata Person(this TestIssuer issuer, string subject, string role, string? party = null, string scope = "documents") =>
        Bearer(issuer.Token(subject, scope: scope, roles: [role], extraClaims: party is null ? null : new Dictionary<string, object> { ["party"] = party }));

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
