using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Mail;

namespace Engagement.Api.Data;

/// <summary>
/// Sends the queued mails through <see cref="IMailSender"/> (the stack's SMTP server), oldest first, a batch at a
/// time; rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> so several instances share the queue. A failed mail is
/// retried with a growing delay (up to an hour). Without a mail sender configured nothing is sent and the queue waits.
/// </summary>
public sealed class MailQueueDispatcher(IServiceScopeFactory scopes, TimeProvider time, ILogger<MailQueueDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetService<IMailSender>();
                if (sender is null)
                {
                    if (!warned)
                    {
                        logger.LogWarning("No mail sender is configured (connection string 'mail'): mails stay queued in mail_queue.");
                        warned = true;
                    }
                }
                else
                {
                    sent = await SendBatchAsync(scope.ServiceProvider.GetRequiredService<EngagementDbContext>(), sender, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The mail queue could not be read; retrying.");
            }
            if (sent < BatchSize)
            {
                await Task.Delay(PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One batch in one transaction (under the execution strategy); a mail is sent at least once.</summary>
    public Task<int> SendBatchAsync(EngagementDbContext db, IMailSender sender, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(c => SendBatchOnceAsync(db, sender, c), ct);

    private async Task<int> SendBatchOnceAsync(EngagementDbContext db, IMailSender sender, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.MailQueue
            .FromSql($"SELECT * FROM mail_queue WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now}) ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var mail in batch)
        {
            try
            {
                await sender.SendAsync(new OutgoingMail(mail.To, mail.ToName, mail.Subject, mail.TextBody), ct);
                mail.SentAt = time.GetUtcNow();
                mail.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                mail.Attempts++;
                mail.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                mail.NextAttemptAt = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, mail.Attempts)));
                logger.LogWarning("Mail {MailId} to the applicant was not sent (attempt {Attempt}): {Error}", mail.Id, mail.Attempts, mail.LastError);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return batch.Count;
    }
}
