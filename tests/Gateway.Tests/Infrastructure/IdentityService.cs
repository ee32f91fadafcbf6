extern alias IdentityApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;
using Xunit.Abstractions;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// The real identity service (src/Identity.Api) on a real Kestrel port with its own PostgreSQL
/// (ReviewMechanism.LocalServers' PostgresServer, data under /tmp/gateway-identity-*), issuing tokens for
/// the gateway's public URL. One confidential partner client with a fixed test secret.
/// </summary>
public sealed class IdentityService : WebApplicationFactory<IdentityApi::Program>
{
    public const string PartnerClientId = "partner-ministry";
    public const string PartnerSecret = "partner-secret-for-gateway-tests-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private readonly TestLogging _logs;
    private readonly PostgresServer _postgres;
    private readonly string _folder;

    private IdentityService(Dictionary<string, string?> settings, PostgresServer postgres, string folder, ITestOutputHelper? output)
    {
        _settings = settings;
        _postgres = postgres;
        _folder = folder;
        _logs = new TestLogging(output, "identity");
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    public const string WebClientId = "web";

    /// <param name="webRedirectUri">When set, a public first-party client "web" (authorization code + PKCE) with this redirect URI.</param>
    public static async Task<IdentityService> StartAsync(string issuer, ITestOutputHelper? output = null, string? webRedirectUri = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gateway-identity-{Guid.NewGuid():N}");
        var postgres = await PostgresServer.StartAsync(new ServerOptions(Path.Combine(folder, "pg")));
        await postgres.EnsureDatabaseAsync("identitydb");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = postgres.GetConnectionString("identitydb"),
            ["Identity:Issuer"] = issuer,
            ["Identity:DataDirectory"] = Path.Combine(folder, "data"),
            ["Identity:Clients:0:ClientId"] = PartnerClientId,
            ["Identity:Clients:0:Type"] = "confidential",
            ["Identity:Clients:0:Secret"] = PartnerSecret,
            ["Identity:Clients:0:GrantTypes:0"] = "client_credentials",
            ["Identity:Clients:0:Scopes:0"] = "reviews",
            ["Identity:Clients:0:Roles:0"] = "Partner",
            ["Identity:Clients:0:Parties:0"] = "AUT",
        };
        if (webRedirectUri is not null)
        {
            settings["Identity:Clients:1:ClientId"] = WebClientId;
            settings["Identity:Clients:1:Type"] = "public";
            settings["Identity:Clients:1:FirstParty"] = "true";
            settings["Identity:Clients:1:RedirectUris:0"] = webRedirectUri;
            settings["Identity:Clients:1:GrantTypes:0"] = "authorization_code";
            settings["Identity:Clients:1:GrantTypes:1"] = "refresh_token";
            settings["Identity:Clients:1:Scopes:0"] = "openid";
            settings["Identity:Clients:1:Scopes:1"] = "profile";
            settings["Identity:Clients:1:Scopes:2"] = "reviews";
        }
        var service = new IdentityService(settings, postgres, folder, output);
        service.UseKestrel(0);
        service.StartServer();
        return service;
    }

    /// <summary>A focal point nominated, activated and approved through the account lifecycle: ready to sign in. Returns the user id.</summary>
    public async Task<string> CreateApprovedFocalPointAsync(string email, string password, string party = "AUT")
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IdentityApi::Identity.Api.Application.Accounts.AccountLifecycle>();
        var outcome = await accounts.HandlePersonNominatedAsync(new ReviewMechanism.Events.V1.PersonNominated
        {
            NominationId = Guid.NewGuid().ToString(),
            Party = party,
            Role = ReviewMechanism.Events.V1.NominationRole.FocalPoint,
            Scope = new ReviewMechanism.Events.V1.NominationScope { Kind = ReviewMechanism.Events.V1.NominationScopeKind.OwnReview },
            PersonId = Guid.NewGuid().ToString(),
            FullName = "Maria Example",
            Email = email,
            Affiliation = "Ministry of Justice",
        }, CancellationToken.None);
        var token = new Uri(outcome.ActivationLink!).Query.Split("token=")[1];
        var activated = await accounts.ActivateAsync(token, password,
            new IdentityApi::Identity.Api.Application.Accounts.ActivationProfile("Maria Example", "Ms", null, "Ministry of Justice", null), CancellationToken.None);
        if (!activated.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", activated.Errors.Select(e => e.Description)));
        }
        await accounts.ApproveAsync(outcome.UserId, "secretariat@unodc.test", CancellationToken.None);
        return outcome.UserId;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseUrls("http://127.0.0.1:0");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(_logs);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _postgres.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
