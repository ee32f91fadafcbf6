using Identity.Api.Application.Accounts;
using Identity.Api.Data;
using Identity.Api.Domain.Accounts;
using Identity.Api.Domain.Passwords;
using Identity.Api.IntegrationEvents;
using Identity.Api.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Identity.Api.Extensions;

public static class IdentityServiceExtensions
{
    public const string ConnectionStringName = "identitydb";

    /// <summary>Registers the identity service: database, ASP.NET Core Identity, account lifecycle, login pages, OpenID Connect server (OpenIddict).</summary>
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);

        services.AddDbContext<IdentityDb>(options => options
            .UseNpgsql(configuration.GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set."))
            // Migrations are hand-written (no model snapshot); a test compares them with the model.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section));
        services.AddSingleton(CommonPasswordList.LoadEmbedded());
        services.AddIdentity<ApplicationUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager<MechanismSignInManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<NistPasswordValidator>();
        services.AddSingleton<IConfigureOptions<IdentityOptions>, LockoutFromAccountOptions>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "__mechanism_signin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/Account/Login";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = false;
        });

        services.AddDataProtection().SetApplicationName("review-mechanism-identity");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DbXmlRepository(scopes));

        services.AddHostedService<IdentityDatabaseInitializer>();
        builder.AddOidcServer();
        services.AddSingleton<IResourceOwnerStore, AccountResourceOwnerStore>();
        services.AddScoped<AccountRevocation>();
        services.AddSingleton<IAccountNotifier, MailAccountNotifier>();
        builder.AddMailSender(mail => mail.PickupDirectory ??= configuration[$"{AccountOptions.Section}:MailDropDirectory"]
            ?? Path.Combine(configuration["Identity:DataDirectory"] ?? ".data/identity", "mail"));
        services.AddScoped<AccountLifecycle>();
        services.AddScoped<NominationEventsHandler>();
        builder.AddIdentityMessaging();

        services.AddRazorPages();
        services.Configure<ForwardedHeadersOptions>(options =>
            // Trusted only from the known proxies (loopback by default): the gateway in front.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return builder;
    }

    /// <summary>The request pipeline: forwarded headers, authentication (OpenIddict answers its endpoints there), antiforgery, pages and the passthrough endpoints.</summary>
    public static WebApplication UseIdentityService(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOidcServer();
        return app;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
        // NIST 800-63B: length and a blocklist (NistPasswordValidator), no composition rules.
        options.Password.RequiredLength = NistPasswordValidator.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+'";
        options.Lockout.AllowedForNewUsers = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    private sealed class LockoutFromAccountOptions(IOptions<AccountOptions> accounts) : IConfigureOptions<IdentityOptions>
    {
        public void Configure(IdentityOptions options)
        {
            options.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAccessAttempts;
            options.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
        }
    }
}
