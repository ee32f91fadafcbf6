using Microsoft.IdentityModel.Tokens;

namespace Gateway.Revocation;

/// <summary>The failure JwtBearer reports for a valid token the revocation list refuses.</summary>
public sealed class TokenRevokedException() : SecurityTokenValidationException("token revoked");
