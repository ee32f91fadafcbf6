using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates the identity service's access tokens with JwtBearer: signing keys from the discovery
    /// document at <c>Identity:Authority</c> (internal URL), issuer <c>Identity:Issuer</c> (the public URL),
    /// audience <c>Identity:Audience</c> (default <c>review-mechanism</c>), <c>typ: at+jwt</c> and RS256 only,
    /// claims kept as issued (<c>sub</c>, <c>role</c>, <c>party</c>), roles from <c>role</c>.
    /// While the discovery document or keys cannot be fetched, RPCs that need a caller answer UNAVAILABLE
    /// (<see cref="SigningKeysAvailability"/>). Without <c>Identity:Authority</c> nothing is registered (the
    /// service then accepts no token). A request without an <c>Authorization</c> header is answered "not
    /// authenticated" without creating the handler (<see cref="TokenlessRequestAuthentication"/>).
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var identity = builder.Configuration.GetSection("Identity");
        var authority = identity["Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return builder;
        }
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUri))
        {
            throw new InvalidOperationException($"Identity:Authority '{authority}' is not an absolute URL.");
        }
        var issuer = identity["Issuer"] is { Length: > 0 } configured ? configured : authority;
        var audience = identity["Audience"] is { Length: > 0 } a ? a : MechanismClaims.Audience;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = authority;
            // The internal address is plain HTTP on loopback; elsewhere HTTPS unless Identity:RequireHttpsMetadata=false.
            options.RequireHttpsMetadata = identity.GetValue<bool?>("RequireHttpsMetadata") ?? !authorityUri.IsLoopback;
            options.Audience = audience;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidIssuer = issuer;
            options.TokenValidationParameters.ValidAudience = audience;
            options.TokenValidationParameters.ValidTypes = ["at+jwt"];
            options.TokenValidationParameters.ValidAlgorithms = ["RS256"];
            options.TokenValidationParameters.NameClaimType = MechanismClaims.Subject;
            options.TokenValidationParameters.RoleClaimType = MechanismClaims.Role;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        });
        // A request without an Authorization header is not authenticated without creating the JwtBearer handler.
        TokenlessRequestAuthentication.Register(builder.Services, JwtBearerDefaults.AuthenticationScheme);
        // RPCs answer UNAVAILABLE, not UNAUTHENTICATED, while the identity service's keys cannot be fetched.
        builder.Services.TryAddSingleton<IAuthenticationAvailability>(sp =>
            new SigningKeysAvailability(sp.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()));
        return builder;
    }
}
