namespace Identity.Api.OpenIdConnect.Grants;

/// <summary>An authorization code (single use, short-lived, bound to client, redirect URI and PKCE challenge).</summary>
public class AuthorizationCode
{
    public Guid Id { get; set; }
    public string CodeHash { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string RedirectUri { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public string CodeChallenge { get; set; } = "";
    public string? Nonce { get; set; }
    public DateTimeOffset AuthTime { get; set; }
    public List<string> AuthenticationMethods { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>The grant (refresh token family) created when the code was redeemed; revoked if the code is replayed.</summary>
    public Guid? GrantId { get; set; }
}
