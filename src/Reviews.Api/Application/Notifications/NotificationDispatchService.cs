using Microsoft.Extensions.Options;

namespace Reviews.Api.Application.Notifications;

/// <summary>Runs the dispatcher on a timer (TimeProvider-driven, so tests move the clock). One per instance.</summary>
public sealed class NotificationDispatchService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<NotificationDispatchOptions> options,
    ILogger<NotificationDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<NotificationDispatcher>();
                await dispatcher.IssueDueAsync(stoppingToken);
                await dispatcher.SendPendingEmailsAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Notice dispatch failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
