using Gateway.Revocation;

namespace Gateway.Extensions;

public static class RevocationExtensions
{
    /// <summary>
    /// The revocation list (<c>Gateway:Revocation</c>, on by default): identity's <c>revoked:*</c> keys in Redis,
    /// held in memory and kept current through the <c>revocations</c> channel. Off, nothing is checked.
    /// </summary>
    public static WebApplicationBuilder AddTokenRevocation(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RevocationOptions>(builder.Configuration.GetSection("Gateway:Revocation"));
        builder.Services.AddSingleton<RevocationList>();
        builder.Services.AddHostedService<RevocationListener>();
        return builder;
    }
}
