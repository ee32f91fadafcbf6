namespace Identity.Api.OpenIdConnect.Grants;

/// <summary>
/// A refresh token. Each use consumes it and issues its successor in the same family (the grant);
/// presenting a consumed token again is reuse, and revokes the whole family (RFC 9700 section 4.14.2).
/// </summary>
public class RefreshToken
{
    public Guid Id { get; set; }
    public string TokenHash { get; set; } = "";
    public Guid GrantId { get; set; }
    public string ClientId { get; set; } = "";
    public string UserId { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTimeOffset AuthTime { get; set; }
    public List<string> AuthenticationMethods { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset GrantExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
