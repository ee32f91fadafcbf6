using Microsoft.EntityFrameworkCore;
using Reporting.Api.Application.Caching;
using Reporting.Api.Data;
using ReviewMechanism.Messaging.Inbox;

namespace Reporting.Api.IntegrationEvents;

/// <summary>
/// Reporting's step around every event its inbox applies: the read models are written beside other consumers but never
/// during a rebuild (<see cref="ReadModelLock"/>, inside the inbox transaction), and the report cache moves on after commit.
/// </summary>
public sealed class ReadModelInboxInterceptor(IReportCache cache) : IInboxInterceptor
{
    public Task ApplyingAsync(DbContext db, CancellationToken cancellationToken) =>
        ReadModelLock.SharedAsync((ReportingDbContext)db, cancellationToken);

    public Task AppliedAsync(CancellationToken cancellationToken) => cache.InvalidateAsync();
}
