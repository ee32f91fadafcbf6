using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// Runs the key ring's maintenance every <c>Identity:SigningKeys:CheckInterval</c>, and at the moment a scheduled
/// key is due or a retired one leaves; then prunes the tokens and authorizations OpenIddict no longer needs
/// (older than a refresh token family's lifetime, so a reused refresh token is still recognised until then).
/// </summary>
public sealed class ServerMaintenanceService(
    ServerKeyRing keys,
    IServiceScopeFactory scopes,
    IOptions<OidcServerOptions> options,
    TimeProvider clock,
    ILogger<ServerMaintenanceService> logger) : BackgroundService
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = options.Value.SigningKeys.CheckInterval;
            try
            {
                await keys.MaintainAsync(stoppingToken);
                await PruneAsync(stoppingToken);
                var untilChange = keys.Current.NextChange - clock.GetUtcNow();
                if (untilChange < delay) delay = untilChange < Shortest ? Shortest : untilChange;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Server maintenance failed; retrying at the next interval");
            }
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        var threshold = clock.GetUtcNow() - options.Value.RefreshTokenAbsoluteLifetime;
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        if (tokens + authorizations > 0) logger.LogInformation("Pruned {Tokens} token(s) and {Authorizations} authorization(s)", tokens, authorizations);
    }
}
