namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>Claim types of the access token (RFC 9068 + the mechanism's own), kept as issued (no inbound mapping).</summary>
public static class MechanismClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>ISO 3166-1 alpha-3 code of a party the user acts for (one claim per party).</summary>
    public const string Party = "party";

    public const string Scope = "scope";
    public const string ClientId = "client_id";

    public const string Audience = "review-mechanism";
}
