using Microsoft.Extensions.Options;

namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>Checks the key ring periodically: rotates the signing key when it is due and removes expired retired keys.</summary>
public sealed class SigningKeyRotationService(
    SigningKeyRing keys,
    GrantStore grants,
    IOptions<OidcServerOptions> options,
    TimeProvider clock,
    ILogger<SigningKeyRotationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SigningKeys.CheckInterval, clock);
        do
        {
            try
            {
                await keys.MaintainAsync(stoppingToken);
                await grants.RemoveExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Signing key maintenance failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
