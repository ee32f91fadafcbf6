using System.Net;
using Identity.Api.Application.Accounts;
using Identity.Api.Domain.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReviewMechanism.Events.V1;

namespace Identity.Tests.Infrastructure;

/// <summary>The identity service on a real Kestrel port, with its own PostgreSQL database and a movable clock.</summary>
public sealed class IdentityApp : WebApplicationFactory<Program>
{
    public const string Issuer = "https://mechanism.test/";
    public const string WebClientId = "web";
    public const string WebRedirectUri = "http://127.0.0.1:9/signin-callback";
    public const string PartnerClientId = "partner-ministry";
    public const string PartnerSecret = "partner-secret-for-tests-only-0123456789";
    public const string GeneratedClientId = "partner-generated";
    public const string SecretariatClientId = "secretariat-system";

    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings;
    /// <summary>The service's clock (it reads all time through TimeProvider); it starts at the real time unless the test says otherwise.</summary>
    public FakeTimeProvider Clock { get; private init; } = new(DateTimeOffset.UtcNow);
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"identity-data-{Guid.NewGuid():N}");

    private IdentityApp(string connectionString, Dictionary<string, string?>? extra)
    {
        _connectionString = connectionString;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = _connectionString,
            ["Identity:Issuer"] = Issuer,
            ["Identity:DataDirectory"] = DataDirectory,
            ["Identity:ApiScopes:0"] = "reviews",
            ["Identity:ApiScopes:1"] = "nominations",
            ["Identity:Clients:0:ClientId"] = WebClientId,
            ["Identity:Clients:0:Type"] = "public",
            ["Identity:Clients:0:FirstParty"] = "true",
            ["Identity:Clients:0:RedirectUris:0"] = WebRedirectUri,
            ["Identity:Clients:0:PostLogoutRedirectUris:0"] = "http://127.0.0.1:9/",
            ["Identity:Clients:0:GrantTypes:0"] = "authorization_code",
            ["Identity:Clients:0:GrantTypes:1"] = "refresh_token",
            ["Identity:Clients:0:Scopes:0"] = "openid",
            ["Identity:Clients:0:Scopes:1"] = "profile",
            ["Identity:Clients:0:Scopes:2"] = "email",
            ["Identity:Clients:0:Scopes:3"] = "offline_access",
            ["Identity:Clients:0:Scopes:4"] = "reviews",
            ["Identity:Clients:0:Scopes:5"] = "nominations",
            ["Identity:Clients:1:ClientId"] = PartnerClientId,
            ["Identity:Clients:1:Type"] = "confidential",
            ["Identity:Clients:1:Secret"] = PartnerSecret,
            ["Identity:Clients:1:GrantTypes:0"] = "client_credentials",
            ["Identity:Clients:1:Scopes:0"] = "reviews",
            ["Identity:Clients:1:Scopes:1"] = "nominations",
            ["Identity:Clients:1:Roles:0"] = "Partner",
            ["Identity:Clients:1:Parties:0"] = "AUT",
            ["Identity:Clients:2:ClientId"] = GeneratedClientId,
            ["Identity:Clients:2:Type"] = "confidential",
            ["Identity:Clients:2:GrantTypes:0"] = "client_credentials",
            ["Identity:Clients:2:Scopes:0"] = "reviews",
            ["Identity:Clients:2:Roles:0"] = "Partner",
            ["Identity:Accounts:MaxFailedAccessAttempts"] = "5",
        };
        foreach (var (k, v) in extra ?? []) _settings[k] = v;
    }

    /// <summary>
    /// Settings adding <see cref="SecretariatClientId"/>: a confidential client of the Secretariat's systems
    /// (client_credentials, scope <c>identity</c>, role Secretariat), the caller of AccountsService.
    /// </summary>
    public static Dictionary<string, string?> WithSecretariatClient(string secret) => new()
    {
        ["Identity:Clients:3:ClientId"] = SecretariatClientId,
        ["Identity:Clients:3:Type"] = "confidential",
        ["Identity:Clients:3:Secret"] = secret,
        ["Identity:Clients:3:GrantTypes:0"] = "client_credentials",
        ["Identity:Clients:3:Scopes:0"] = "identity",
        ["Identity:Clients:3:Roles:0"] = "Secretariat",
    };

    /// <summary>Another start of the service on an existing database (a restart).</summary>
    public static Task<IdentityApp> StartOnAsync(string connectionString, Dictionary<string, string?>? settings = null)
    {
        var app = new IdentityApp(connectionString, settings);
        app.UseKestrel(0);
        app.StartServer();
        return Task.FromResult(app);
    }

    /// <param name="kestrel">Kestrel's endpoints when the test needs more than one HTTP/1.1+2 port (e.g. an h2c gRPC endpoint).</param>
    /// <param name="clockStart">Where the service's clock starts (default: now); it only moves forward from there.</param>
    public static async Task<IdentityApp> StartAsync(PostgresFixture postgres, Dictionary<string, string?>? settings = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? kestrel = null, DateTimeOffset? clockStart = null)
    {
        var app = new IdentityApp(await postgres.NewDatabaseAsync(), settings) { Clock = new FakeTimeProvider(clockStart ?? DateTimeOffset.UtcNow) };
        if (kestrel is null) app.UseKestrel(0);
        else app.UseKestrel(kestrel);
        app.StartServer();
        return app;
    }

    /// <summary>The address Kestrel listens on (http://127.0.0.1:port).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseUrls("http://127.0.0.1:0");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects (so tests see each hop).</summary>
    public HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = Address,
        };

    public HttpClient Http() => new() { BaseAddress = Address };

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Nominates a person (as the PersonNominated consumer will), and returns the activation link.</summary>
    public Task<NominationOutcome> NominateAsync(string email, string party = "AUT", NominationRole role = NominationRole.FocalPoint, string? nominationId = null) =>
        WithScopeAsync(sp => sp.GetRequiredService<AccountLifecycle>().HandlePersonNominatedAsync(new PersonNominated
        {
            NominationId = nominationId ?? Guid.NewGuid().ToString(),
            Party = party,
            Role = role,
            Scope = new NominationScope { Kind = NominationScopeKind.OwnReview },
            PersonId = Guid.NewGuid().ToString(),
            FullName = "Maria Example",
            Email = email,
            Affiliation = "Ministry of Justice",
        }, CancellationToken.None));

    /// <summary>A person nominated, activated and approved: ready to sign in.</summary>
    public async Task<string> CreateApprovedPersonAsync(string email, string password, string party = "AUT", NominationRole role = NominationRole.FocalPoint)
    {
        var outcome = await NominateAsync(email, party, role);
        var token = new Uri(outcome.ActivationLink!).Query.Split("token=")[1];
        await WithScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountLifecycle>();
            var result = await accounts.ActivateAsync(token, password, new ActivationProfile("Maria Example", "Ms", "female", "Ministry of Justice", null), CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            await accounts.ApproveAsync(outcome.UserId, "secretariat@unodc.test", CancellationToken.None);
            return 0;
        });
        return outcome.UserId;
    }

    public Task<string> CreateSecretariatAsync(string email, string password) =>
        WithScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountLifecycle>();
            var link = await accounts.CreateSecretariatAccountAsync(email, "Sam Secretariat", CancellationToken.None);
            var token = new Uri(link).Query.Split("token=")[1];
            var result = await accounts.ActivateAsync(token, password, new ActivationProfile("Sam Secretariat", null, null, "UNODC", null), CancellationToken.None);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            return (await users.FindByEmailAsync(email))!.Id;
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
