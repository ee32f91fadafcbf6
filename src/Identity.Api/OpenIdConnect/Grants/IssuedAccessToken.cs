namespace Identity.Api.OpenIdConnect.Grants;

/// <summary>
/// The record of an access token issued for a user grant (by jti), so that revoking the grant
/// (RFC 7009, refresh reuse) also revokes the access tokens it produced. Client-credentials tokens
/// are recorded only when revoked.
/// </summary>
public class IssuedAccessToken
{
    public string TokenId { get; set; } = "";
    public Guid? GrantId { get; set; }
    public string ClientId { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
