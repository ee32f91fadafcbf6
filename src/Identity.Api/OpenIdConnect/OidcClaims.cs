namespace Identity.Api.OpenIdConnect;

/// <summary>Claim names of the mechanism's tokens that OpenIddict's constants do not name (<c>party</c>), and those the accounts API reads.</summary>
public static class OidcClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";

    /// <summary>ISO 3166-1 alpha-3 code of a party the caller acts for (one claim per party).</summary>
    public const string Party = "party";
}
