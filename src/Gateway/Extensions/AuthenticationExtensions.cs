using Gateway.Authentication;
using Gateway.Revocation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;

namespace Gateway.Extensions;

/// <summary>Access tokens are validated at the edge exactly as every service validates them (docs/identity.md).</summary>
public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddEdgeAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The identity service's internal URL: set by the AppHost, or taken from its service address.
                var authority = configuration["Identity:Authority"] ?? configuration["services:identity:http:0"]
                    ?? throw new InvalidOperationException("Identity:Authority (or services:identity:http:0) must give the identity service's internal URL.");
                var issuer = configuration["Identity:Issuer"]
                    ?? throw new InvalidOperationException("Identity:Issuer must give the public URL tokens are issued for (the gateway's).");
                options.Authority = authority;
                options.RequireHttpsMetadata = new Uri(authority).Scheme == Uri.UriSchemeHttps;   // only because the internal URL is http
                options.Audience = configuration["Identity:Audience"] ?? "review-mechanism";
                options.MapInboundClaims = false;                                                 // keep sub / role / party as issued
                options.SaveToken = false;                                                        // the token is forwarded as sent; nothing here reads it back
                options.TokenValidationParameters.ValidIssuer = issuer;
                options.TokenValidationParameters.ValidTypes = ["at+jwt"];                        // refuses ID tokens
                options.TokenValidationParameters.ValidAlgorithms = ["RS256"];
                options.TokenValidationParameters.NameClaimType = "sub";
                options.TokenValidationParameters.RoleClaimType = "role";
            });

        // Every call's token is checked against the revocation list (after validation, so after the cache too).
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((options, services) =>
            {
                options.Events ??= new JwtBearerEvents();
                options.Events.OnTokenValidated = context => RevocationCheck.OnTokenValidatedAsync(context, services);
                options.Events.OnChallenge = RevocationCheck.OnChallengeAsync;
            });

        // Validated tokens are remembered briefly (see CachingTokenHandler); Gateway:TokenCache:MaxAge 0 turns it off.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IConfiguration, TimeProvider>((options, configuration, time) =>
            {
                var maxAge = configuration.GetValue("Gateway:TokenCache:MaxAge", TimeSpan.FromSeconds(60));
                if (maxAge <= TimeSpan.Zero)
                {
                    return;
                }
                var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = configuration.GetValue("Gateway:TokenCache:Size", 10_000) });
                var handlers = options.TokenHandlers.ToArray();
                options.TokenHandlers.Clear();
                foreach (var handler in handlers)
                {
                    options.TokenHandlers.Add(new CachingTokenHandler(handler, cache, time, maxAge));
                }
            });
        return builder;
    }
}
