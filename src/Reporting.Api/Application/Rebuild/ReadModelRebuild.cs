using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Reporting.Api.Application.Caching;
using Reporting.Api.Data;
using Reporting.Api.Data.Projections;
using Reporting.Api.Data.Records;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Application.Rebuild;

/// <summary>
/// Rebuilds the read models of reviews and nominations from scratch through the Reviews and Nominations APIs, in one
/// transaction holding the read-model lock: events arriving meanwhile wait, then apply on top (their writes are
/// upserts, so an event the sources already reflected changes nothing). A failure reading a source rolls everything
/// back. Documents and engagement facts are kept: their services have no listing API yet; the engagement figures'
/// running totals are recomputed from those facts.
/// </summary>
public sealed class ReadModelRebuild(ReportingDbContext db, IReadModelSources sources, IReportCache cache, TimeProvider time, ILogger<ReadModelRebuild> logger)
{
    private const int SourceCallsAtOnce = 4;
    private static readonly SemaphoreSlim Running = new(1, 1);

    public async Task<RebuildReadModelsResponse> RunAsync(string requestedBy, CancellationToken cancellationToken)
    {
        if (!await Running.WaitAsync(0, cancellationToken))
        {
            throw DomainException.Precondition("REBUILD_RUNNING", "read-models", "A rebuild of the read models is already running; wait for it to finish.");
        }
        try
        {
            return await RebuildAsync(requestedBy, cancellationToken);
        }
        finally
        {
            Running.Release();
        }
    }

    private Task<RebuildReadModelsResponse> RebuildAsync(string requestedBy, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RebuildOnceAsync(requestedBy, ct), cancellationToken);

    private async Task<RebuildReadModelsResponse> RebuildOnceAsync(string requestedBy, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var started = time.GetUtcNow();
        var reviews = new ReviewProjection(db);
        var nominations = new NominationProjection(db);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReadModelLock.ExclusiveAsync(db, cancellationToken);
        var truncate = "TRUNCATE " + string.Join(", ", ReportingTables.RebuiltFromApis);
        await db.Database.ExecuteSqlRawAsync(truncate, cancellationToken);
        var countryReviews = await sources.ListCountryReviewsAsync(cancellationToken);
        var stageChanges = 0;
        foreach (var review in countryReviews)
        {
            var opened = SourceFacts.Opened(review);
            await reviews.OpenedAsync(opened, cancellationToken);
            foreach (var (at, places) in SourceFacts.PartyChanges(review, opened.OpenedAt))
            {
                await reviews.PartiesChangedAsync(opened.Id, at, places, cancellationToken);
            }
            foreach (var change in SourceFacts.Stages(review))
            {
                await reviews.StageChangedAsync(change, cancellationToken);
                stageChanges++;
            }
            if (SourceFacts.Languages(review) is { } languages)
            {
                await reviews.LanguagesAgreedAsync(languages, cancellationToken);
            }
        }
        var nominationCount = 0;
        foreach (var nomination in await NominationsOfEveryPartyAsync(cancellationToken))
        {
            await nominations.NominatedAsync(SourceFacts.Nominated(nomination), cancellationToken);
            nominationCount++;
            if (SourceFacts.Ended(nomination) is { } ended)
            {
                await nominations.EndedAsync(ended, cancellationToken);
                if (ended.EndKind == "SUBSTITUTED" && nomination.SuccessorNominationId.Length > 0)
                {
                    await nominations.FocalPointReplacedAsync(nomination.NominationId, nomination.SuccessorNominationId, ended.Party, ended.EndedAt, cancellationToken);
                }
            }
        }
        // The engagement facts are kept (Engagement has no listing API), but their running totals are recomputed from them.
        await db.Database.ExecuteSqlRawAsync("SELECT rm_engagement_totals_rebuild()", cancellationToken);
        var finished = time.GetUtcNow();
        db.Rebuilds.Add(new RebuildRecord
        {
            Id = Guid.CreateVersion7(finished),
            StartedAt = started,
            FinishedAt = finished,
            RequestedBy = requestedBy,
            Reviews = countryReviews.Count,
            StageChanges = stageChanges,
            Nominations = nominationCount,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.InvalidateAsync();
        logger.LogInformation("Read models rebuilt: {Reviews} reviews, {StageChanges} stage changes, {Nominations} nominations in {Elapsed}",
            countryReviews.Count, stageChanges, nominationCount, finished - started);
        var response = new RebuildReadModelsResponse
        {
            StartedAt = Timestamp.FromDateTimeOffset(started),
            FinishedAt = Timestamp.FromDateTimeOffset(finished),
            Reviews = countryReviews.Count,
            StageChanges = stageChanges,
            Nominations = nominationCount,
        };
        response.SourcesKept.AddRange(["documents", "engagement"]);
        return response;
    }

    /// <summary>Every party's nominations, a few parties read at a time (one call per party), in the parties' order.</summary>
    private async Task<IEnumerable<ReviewMechanism.Nominations.V1.Nomination>> NominationsOfEveryPartyAsync(CancellationToken cancellationToken)
    {
        var parties = await sources.ListPartiesAsync(cancellationToken);
        var byParty = new IReadOnlyList<ReviewMechanism.Nominations.V1.Nomination>[parties.Count];
        await Parallel.ForAsync(0, parties.Count, new ParallelOptions { MaxDegreeOfParallelism = SourceCallsAtOnce, CancellationToken = cancellationToken },
            async (i, ct) => byParty[i] = await sources.ListNominationsAsync(parties[i], ct));
        return byParty.SelectMany(n => n);
    }

    public async Task<ReadModelStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var last = await db.Rebuilds.AsNoTracking().OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        var applied = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM inbox_messages WHERE consumer LIKE 'reporting.%'").SingleAsync(cancellationToken);
        var lastEvent = await db.Database.SqlQueryRaw<DateTimeOffset?>("SELECT max(processed_at) AS \"Value\" FROM inbox_messages").SingleAsync(cancellationToken);
        return new ReadModelStatus
        {
            EventsApplied = applied,
            LastEventAt = lastEvent is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            LastRebuildAt = last is null ? null : Timestamp.FromDateTimeOffset(last.FinishedAt),
            Reviews = await db.Reviews.CountAsync(cancellationToken),
            Nominations = await db.Nominations.CountAsync(cancellationToken),
            Documents = await db.DocumentEvents.CountAsync(cancellationToken),
            DialogueApplications = await db.DialogueApplications.CountAsync(cancellationToken),
            TrainingRegistrations = await db.TrainingRegistrations.CountAsync(cancellationToken),
        };
    }
}
