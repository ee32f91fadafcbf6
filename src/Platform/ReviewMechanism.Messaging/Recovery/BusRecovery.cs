using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewMechanism.Messaging.Configuration;
using ReviewMechanism.Messaging.Diagnostics;

namespace ReviewMechanism.Messaging.Recovery;

/// <summary>
/// Restarts the bus when MassTransit's own reconnection did not bring it back: seen here with MassTransit 8.5.12
/// after RabbitMQ restarts under load, where receive endpoints stayed Degraded and publishes kept failing long after
/// the broker answered again (docs/messaging.md, "When the broker restarts"; upstream MassTransit issue 5942). Every
/// <see cref="MessagingOptions.RecoveryCheckInterval"/> it reads the bus health and the publish failures; once the
/// bus has been unhealthy for <see cref="MessagingOptions.RecoverAfter"/> while the broker accepted new connections,
/// it stops and starts the bus (new connection, channels and consumers). Nothing is lost by it: unacknowledged
/// deliveries return to their queues, and the outbox keeps every event until the broker confirms it. When the bus does
/// not even stop, it gives up (<see cref="GaveUp"/>) and the health check <c>messaging-recovery</c> turns Unhealthy.
/// </summary>
public sealed partial class BusRecovery(
    IBusControl bus,
    PublishHealth publishes,
    IBrokerProbe broker,
    IOptions<MessagingOptions> options,
    TimeProvider timeProvider,
    ILogger<BusRecovery> logger) : BackgroundService
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private int _restarts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var stall = new BusStall(settings.RecoverAfter);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.RecoveryCheckInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                var healthy = bus.CheckHealth().Status == BusHealthStatus.Healthy;
                var failingSince = publishes.FailingSince;
                var answers = BusStall.IsUnhealthy(healthy, failingSince) && await broker.AnswersAsync(stoppingToken).ConfigureAwait(false);
                if (stall.IsStuck(timeProvider.GetUtcNow(), healthy, failingSince, answers))
                {
                    LogRestarting(logger, stall.Wait.TotalSeconds, bus.CheckHealth().Description);
                    if (!await RestartAsync(stoppingToken).ConfigureAwait(false))
                    {
                        return;
                    }
                    stall.Restarted();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRestartFailed(logger, ex);
                stall.Restarted();
            }
        }
    }

    /// <summary>
    /// Set when a restart could not stop the bus within 30 s: an endpoint hung inside MassTransit. Starting it again
    /// then would leave the endpoints that did stop stopped, so the bus is left as it is and the health check
    /// <c>messaging-recovery</c> reports Unhealthy: only a restart of the process helps.
    /// </summary>
    public string? GaveUp { get; private set; }

    /// <summary>How many times this process restarted the bus.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Stops the bus (at most 30 s) and, once it stopped, starts it again on a new connection; false when it did not stop.</summary>
    public async Task<bool> RestartAsync(CancellationToken cancellationToken)
    {
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            stop.CancelAfter(StopTimeout);
            var stopped = true;
            try
            {
                // MassTransit swallows a cancelled stop, and an endpoint stuck inside it may ignore the token: bound both.
                await bus.StopAsync(stop.Token).WaitAsync(StopTimeout + TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                stopped = false;
            }
            if (!stopped || (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
            {
                GaveUp = $"the bus did not stop within {StopTimeout.TotalSeconds:0} s at {timeProvider.GetUtcNow():u}; restart the service";
                LogGaveUp(logger, GaveUp);
                return false;
            }
        }
        publishes.Reset();
        Interlocked.Increment(ref _restarts);
        MessagingTelemetry.BusRestarts.Add(1);
        using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        start.CancelAfter(StartTimeout);
        await bus.StartAsync(start.Token).ConfigureAwait(false);
        LogRestarted(logger);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The message bus stayed unhealthy for {Seconds} s while the broker accepted connections ({Health}); restarting it")]
    private static partial void LogRestarting(ILogger logger, double seconds, string health);

    [LoggerMessage(Level = LogLevel.Information, Message = "The message bus was restarted")]
    private static partial void LogRestarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The message bus is stuck and cannot be restarted in this process: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting the message bus failed; trying again later")]
    private static partial void LogRestartFailed(ILogger logger, Exception exception);
}
