using ReviewMechanism.LocalServers;

namespace Engagement.Tests.Support;

/// <summary>
/// What a browser meets in the running stack: the gateway (its public address is identity's issuer and the base of
/// the links in mails), identity, the Engagement service (system clock) sending its mails over SMTP to the local mail
/// server (smtp4dev, as the AppHost runs it), and that server's inbox.
/// </summary>
public sealed class BrowserStack : IAsyncDisposable
{
    private readonly MailServer _mailServer;
    private readonly string _folder;

    private BrowserStack(GatewayHost gateway, IdentityHost identity, EngagementWebApp engagement, MailServer mailServer, string folder)
    {
        Gateway = gateway;
        Identity = identity;
        Engagement = engagement;
        _mailServer = mailServer;
        _folder = folder;
        Mail = new MailInbox(mailServer.HttpUrl);
    }

    public GatewayHost Gateway { get; }

    public IdentityHost Identity { get; }

    public EngagementWebApp Engagement { get; }

    public MailInbox Mail { get; }

    public static async Task<BrowserStack> StartAsync(PostgresFixture postgres, RedisFixture redis)
    {
        var port = PortAllocator.GetFreePort();
        var site = new Uri($"http://127.0.0.1:{port}");
        var folder = Path.Combine(Path.GetTempPath(), $"engagement-mail-{Guid.NewGuid():N}");
        var mailServer = await MailServer.StartAsync(new ServerOptions(folder));
        var identity = await IdentityHost.StartAsync(postgres, site);
        var engagement = await EngagementWebApp.StartAsync(postgres, redis, now: null, new Dictionary<string, string?>
        {
            ["Engagement:PublicBaseUrl"] = site.ToString().TrimEnd('/'),
            ["Identity:Authority"] = identity.Address.ToString(),
            ["Identity:Issuer"] = site.ToString().TrimEnd('/'),
            ["ConnectionStrings:mail"] = mailServer.ConnectionString,
            ["Mail:From"] = "civil.society@unodc.test",
        });
        var gateway = GatewayHost.Start(port, engagement.Address, identity.Address, redis.ConnectionString);
        return new BrowserStack(gateway, identity, engagement, mailServer, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Mail.Dispose();
        await Gateway.DisposeAsync();
        await Engagement.DisposeAsync();
        await Identity.DisposeAsync();
        await _mailServer.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Still held by the stopping server: under /tmp and harmless.
        }
    }
}
