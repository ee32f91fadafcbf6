using Microsoft.EntityFrameworkCore;

namespace ReviewMechanism.Messaging.Inbox;

/// <summary>
/// A service's step around every event its inbox applies (register it scoped; none by default), e.g. Reporting's
/// read-model lock (inside the transaction) and report cache (after commit).
/// </summary>
public interface IInboxInterceptor
{
    /// <summary>Inside the inbox transaction, before the handler runs.</summary>
    Task ApplyingAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>After the transaction committed (not called for a duplicate or a failure).</summary>
    Task AppliedAsync(CancellationToken cancellationToken);
}
