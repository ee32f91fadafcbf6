using Documents.Api.Application;
using Documents.Api.Application.Access;
using Documents.Api.Application.CountryProfiles;
using Documents.Api.Application.Documents;
using Documents.Api.Application.Files;
using Documents.Api.Data;
using Documents.Api.Data.Blobs;
using Documents.Api.Data.Questionnaires;
using Documents.Api.Domain.Access;
using Documents.Api.Extensions;
using Documents.Api.IntegrationEvents;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.Messaging.Serialization;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Tests.Support;

/// <summary>
/// The Documents use cases on a fresh migrated database of the real PostgreSQL and a throwaway data folder, without
/// gRPC; reviews and nominations enter through the same projection the event consumers use.
/// </summary>
public sealed class DocumentsHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DocumentsHarness(ServiceProvider services, string connectionString, string dataDirectory)
    {
        _services = services;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; }

    public static readonly Caller Secretariat = new("secretariat-1", "", new HashSet<string> { MechanismRoles.Secretariat }, new HashSet<string>());

    public static async Task<DocumentsHarness> CreateAsync(PostgresFixture postgres, Action<DocumentsOptions>? configure = null)
    {
        var connectionString = await postgres.NewDatabaseAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"documents-data-{Guid.NewGuid():N}");
        var services = new ServiceCollection();
        var harness = default(DocumentsHarness);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<DocumentsDbContext>(o => o.UseDocumentsDatabase(connectionString));
        services.AddOptions<DocumentsOptions>().Configure(o =>
        {
            o.DataDirectory = dataDirectory;
            configure?.Invoke(o);
        });
        services.AddSingleton<TimeProvider>(_ => harness!.Clock);
        services.AddSingleton<ContentAddressedBlobStore>();
        services.AddSingleton(_ => QuestionnaireFiles.Load(QuestionnaireFiles.DefaultFolder));
        foreach (var type in new[] { typeof(DocumentAccess), typeof(DocumentReader), typeof(DocumentCommands), typeof(DocumentQueries), typeof(Publication), typeof(FileTransfers), typeof(PublishedSearch), typeof(CountryProfiles), typeof(ReadModelProjection) })
        {
            services.AddScoped(type);
        }
        harness = new DocumentsHarness(services.BuildServiceProvider(validateScopes: true), connectionString, dataDirectory);
        await using var scope = harness._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DocumentsDbContext>().Database.MigrateAsync();
        return harness;
    }

    /// <summary>Runs <paramref name="use"/> with a fresh scope (a request's worth of services).</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> InScopeAsync<TResult>(Func<IServiceProvider, Task<TResult>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public Task<DocumentView> Commands(Func<DocumentCommands, Task<DocumentView>> use) => RunAsync(use);

    public async Task<TResult> DbAsync<TResult>(Func<DocumentsDbContext, Task<TResult>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<DocumentsDbContext>());
    }

    public async Task ProjectAsync(Func<ReadModelProjection, Task> apply)
    {
        await using var scope = _services.CreateAsyncScope();
        await apply(scope.ServiceProvider.GetRequiredService<ReadModelProjection>());
        await scope.ServiceProvider.GetRequiredService<DocumentsDbContext>().SaveChangesAsync();
    }

    /// <summary>Reviews' CountryReviewOpened for a review of cluster 1 (phase 1).</summary>
    public Task OpenReviewAsync(string id, string underReview, params string[] reviewers) => ProjectAsync(p =>
    {
        var opened = new CountryReviewOpened { CountryReviewId = id, PartyUnderReview = underReview, GroupNumber = 1, Phase = 1, Cluster = 1, OpenedAt = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()) };
        opened.Parties.Add(new ReviewPartyEntry { Party = underReview, Role = "PARTY_UNDER_REVIEW" });
        opened.Parties.AddRange(reviewers.Select((r, i) => new ReviewPartyEntry { Party = r, Role = i == 0 ? "SAME_REGION_REVIEWER" : "OTHER_REGION_REVIEWER" }));
        return p.ApplyAsync(opened, default);
    });

    public Task MoveReviewAsync(string id, string stage) => ProjectAsync(p => p.ApplyAsync(
        new CountryReviewStageChanged { CountryReviewId = id, ToStage = stage, ChangedAt = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()) }, default));

    /// <summary>Nominations' PersonNominated; the caller its access token would describe.</summary>
    public async Task<Caller> NominateAsync(string person, string party, NominationRole role, NominationScopeKind scope = NominationScopeKind.OwnReview, string reviewId = "")
    {
        await ProjectAsync(p => p.ApplyAsync(new PersonNominated
        {
            NominationId = $"n-{person}-{Guid.NewGuid():N}",
            PersonId = person,
            Party = party,
            Role = role,
            Scope = new NominationScope { Kind = scope, CountryReviewId = reviewId },
            EffectiveFrom = Timestamp.FromDateTimeOffset(Clock.GetUtcNow()),
        }, default));
        return CallerFor(person, party, role);
    }

    public static Caller CallerFor(string person, string party, NominationRole role) => new(
        person,
        "",
        new HashSet<string> { role switch { NominationRole.FocalPoint => MechanismRoles.FocalPoint, NominationRole.GovernmentalExpert => MechanismRoles.GovernmentalExpert, _ => MechanismRoles.Observer } },
        new HashSet<string> { party });

    /// <summary>The integration events stored in the outbox, oldest first.</summary>
    public Task<List<IMessage>> OutboxAsync() => DbAsync(async db =>
        (await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => ProtobufMessageTypes.Parse(ProtobufMessageTypes.Resolve(m.ClrType), m.Payload)).ToList());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
