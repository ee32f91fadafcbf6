extern alias IdentityApp;

using IdentityApp::Identity.Api.Application.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.Tests.Support;

/// <summary>
/// The real identity service (src/Identity.Api) on a real Kestrel port, its own database on the tests' PostgreSQL,
/// issuing for the gateway's public address, with the Engagement pages' client registered as the AppHost does
/// (<c>engagement-web</c>: public, authorization code + PKCE, redirect to the pages' <c>/engagement/signin-oidc</c>).
/// </summary>
public sealed class IdentityHost : WebApplicationFactory<IdentityApp::Program>
{
    public const string EngagementClientId = "engagement-web";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;

    private IdentityHost(Dictionary<string, string?> settings, string folder)
    {
        _settings = settings;
        _folder = folder;
    }

    /// <summary>Identity's own (internal) address, which the gateway and the Engagement service's back channel use.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    public static async Task<IdentityHost> StartAsync(PostgresFixture postgres, Uri publicAddress)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"engagement-identity-{Guid.NewGuid():N}");
        var issuer = publicAddress.ToString().TrimEnd('/');
        var host = new IdentityHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = await postgres.NewDatabaseAsync(),
            ["Identity:Issuer"] = issuer,
            ["Identity:DataDirectory"] = folder,
            ["Identity:Clients:0:ClientId"] = EngagementClientId,
            ["Identity:Clients:0:Type"] = "public",
            ["Identity:Clients:0:FirstParty"] = "true",
            ["Identity:Clients:0:RedirectUris:0"] = $"{issuer}/engagement/signin-oidc",
            ["Identity:Clients:0:PostLogoutRedirectUris:0"] = $"{issuer}/engagement/signout-callback-oidc",
            ["Identity:Clients:0:GrantTypes:0"] = "authorization_code",
            ["Identity:Clients:0:Scopes:0"] = "openid",
            ["Identity:Clients:0:Scopes:1"] = "profile",
            ["Identity:Clients:0:Scopes:2"] = "email",
        }, folder);
        host.UseKestrel(0);
        host.StartServer();
        return host;
    }

    /// <summary>A Secretariat account created as an operator does (<c>create-secretariat</c>) and activated with <paramref name="password"/>.</summary>
    public async Task CreateSecretariatAsync(string email, string fullName, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountLifecycle>();
        var link = await accounts.CreateSecretariatAccountAsync(email, fullName, CancellationToken.None);
        var token = Uri.UnescapeDataString(new Uri(link).Query.Split("token=")[1].Split('&')[0]);
        var activated = await accounts.ActivateAsync(token, password, new ActivationProfile(fullName, null, null, "UNODC", null), CancellationToken.None);
        if (!activated.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", activated.Errors.Select(e => e.Description)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseUrls("http://127.0.0.1:0");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
