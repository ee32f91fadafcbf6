namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>A registered OAuth client. Confidential clients keep only a hash of their secret.</summary>
public class OAuthClient
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Type { get; set; } = ClientTypes.Confidential;
    public bool FirstParty { get; set; }
    public string? SecretHash { get; set; }
    public DateTimeOffset? SecretCreatedAt { get; set; }
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> GrantTypes { get; set; } = [];
    public List<string> Scopes { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public List<string> Parties { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsPublic => Type == ClientTypes.Public;
    public bool Allows(string grantType) => GrantTypes.Contains(grantType);
}
