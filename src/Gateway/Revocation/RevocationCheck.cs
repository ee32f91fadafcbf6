using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Gateway.Revocation;

/// <summary>
/// The JwtBearer events that apply the revocation list: a valid token whose <c>jti</c> is revoked, or whose
/// <c>sub</c> was disabled at or after its <c>iat</c>, fails authentication, and the bearer challenge says
/// <c>token revoked</c> (UNAUTHENTICATED on gRPC paths, 401 elsewhere).
/// </summary>
public static class RevocationCheck
{
    public const string Description = "token revoked";

    public static Task OnTokenValidatedAsync(TokenValidatedContext context, IServiceProvider services)
    {
        if (services.GetService<RevocationList>() is not { Enabled: true } list || context.Principal is not { } principal)
        {
            return Task.CompletedTask;
        }
        var issuedAt = long.TryParse(principal.FindFirst("iat")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var iat) ? iat : (long?)null;
        if (list.IsRevoked(principal.FindFirst("jti")?.Value, principal.FindFirst("sub")?.Value, issuedAt))
        {
            context.Fail(new TokenRevokedException());
        }
        return Task.CompletedTask;
    }

    public static Task OnChallengeAsync(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is TokenRevokedException)
        {
            context.Error = "invalid_token";
            context.ErrorDescription = Description;
        }
        return Task.CompletedTask;
    }
}
