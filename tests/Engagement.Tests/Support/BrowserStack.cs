namespace Engagement.Tests.Support;

/// <summary>
/// What a browser meets in the running stack: the gateway (its public address is identity's issuer and the base of
/// the links in mails), identity, the Engagement service (system clock), and the mails the service sent.
/// </summary>
public sealed class BrowserStack : IAsyncDisposable
{
    private BrowserStack(GatewayHost gateway, IdentityHost identity, EngagementWebApp engagement, MailInbox mail)
    {
        Gateway = gateway;
        Identity = identity;
        Engagement = engagement;
        Mail = mail;
    }

    public GatewayHost Gateway { get; }

    public IdentityHost Identity { get; }

    public EngagementWebApp Engagement { get; }

    public MailInbox Mail { get; }

    public static async Task<BrowserStack> StartAsync(PostgresFixture postgres, RedisFixture redis)
    {
        var port = GatewayHost.FreePort();
        var site = new Uri($"http://127.0.0.1:{port}");
        var identity = await IdentityHost.StartAsync(postgres, site);
        var engagement = await EngagementWebApp.StartAsync(postgres, redis, now: null, new Dictionary<string, string?>
        {
            ["Engagement:PublicBaseUrl"] = site.ToString().TrimEnd('/'),
            ["Identity:Authority"] = identity.Address.ToString(),
            ["Identity:Issuer"] = site.ToString().TrimEnd('/'),
        });
        var gateway = GatewayHost.Start(port, engagement.Address, identity.Address, redis.ConnectionString);
        return new BrowserStack(gateway, identity, engagement, new MailInbox(engagement));
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Engagement.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
