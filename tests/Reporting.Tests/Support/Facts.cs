using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Api.Data;
using Reporting.Api.Data.Projections;

namespace Reporting.Tests.Support;

/// <summary>Writes a data set's facts through the projections, as the consumers do (under the read-model lock), in the order given.</summary>
public static class Facts
{
    public static Task ApplyAsync(this ReportingHost host, October2023 data, bool reversed = false) => WriteAsync(host.Services, data, reversed);

    public static async Task WriteAsync(IServiceProvider services, October2023 data, bool reversed = false)
    {
        var writes = new List<Func<IServiceProvider, CancellationToken, Task>>();
        writes.AddRange(data.Reviews.Select(r => (Func<IServiceProvider, CancellationToken, Task>)((sp, ct) => sp.GetRequiredService<ReviewProjection>().OpenedAsync(r, ct))));
        writes.AddRange(data.StageChanges.Select(c => (Func<IServiceProvider, CancellationToken, Task>)((sp, ct) => sp.GetRequiredService<ReviewProjection>().StageChangedAsync(c, ct))));
        writes.AddRange(data.Languages.Select(l => (Func<IServiceProvider, CancellationToken, Task>)((sp, ct) => sp.GetRequiredService<ReviewProjection>().LanguagesAgreedAsync(l, ct))));
        writes.AddRange(data.Nominations.Select(n => (Func<IServiceProvider, CancellationToken, Task>)((sp, ct) => sp.GetRequiredService<NominationProjection>().NominatedAsync(n, ct))));
        if (reversed)
        {
            writes.Reverse();
        }
        // One transaction per batch keeps the tests quick; each write is what one event does.
        foreach (var batch in writes.Chunk(200))
        {
            await WriteAsync(services, async (sp, ct) =>
            {
                foreach (var write in batch)
                {
                    await write(sp, ct);
                }
            });
        }
    }

    public static async Task WriteAsync(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task> write)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ReadModelLock.SharedAsync(db, CancellationToken.None);
            await write(scope.ServiceProvider, CancellationToken.None);
            await transaction.CommitAsync();
        });
    }
}
