using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect;
using Identity.Api.OpenIdConnect.Clients;
using Identity.Api.OpenIdConnect.Keys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Identity.Api.Data;

/// <summary>
/// Before anything else starts (IHostedLifecycleService.StartingAsync): applies the migrations,
/// creates the roles, registers the configured clients (OpenIddict applications) and loads the server keys
/// (making them when there are none), which OpenIddict's options are built from.
/// </summary>
public sealed class IdentityDatabaseInitializer(
    IServiceScopeFactory scopes, ClientRegistrar clients, ServerKeyRing keys, IOptions<OidcServerOptions> options, ILogger<IdentityDatabaseInitializer> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken ct) => InitializeAsync(writeSecretFiles: true, ct);

    /// <summary>
    /// Returns the secrets generated for newly registered confidential clients (configured without a
    /// secret). At service start they are written to the data folder (mode 600); the bootstrap
    /// command prints them instead.
    /// </summary>
    public async Task<IReadOnlyList<GeneratedSecret>> InitializeAsync(bool writeSecretFiles, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            await db.Database.MigrateAsync(ct);
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in MechanismRoles.All)
            {
                if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var generated = await clients.RegisterAsync(ct);
        if (writeSecretFiles)
        {
            var folder = Path.Combine(options.Value.DataDirectory, "client-secrets");
            foreach (var secret in generated)
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, secret.ClientId + ".secret");
                await File.WriteAllTextAsync(path, secret.Secret + "\n", ct);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                logger.LogWarning("Client {ClientId} was registered with a generated secret, written once to {Path}", secret.ClientId, Path.GetFullPath(path));
            }
        }
        await keys.MaintainAsync(ct);
        return generated;
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
