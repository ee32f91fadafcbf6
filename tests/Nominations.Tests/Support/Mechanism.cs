using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Application.Workflow;
using Nominations.Api.Grpc;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Nominations.Tests.Support;

/// <summary>
/// The Nominations service's domain wired over in-memory stores, with a FakeTimeProvider clock, a few parties and two
/// country reviews: R-KEN (Kenya under review by France and Brazil) and R-FRA (France under review by Japan
/// and Germany), both starting on <see cref="Start"/>.
/// </summary>
public sealed class Mechanism
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public Mechanism(NominationDeadlines? deadlines = null)
    {
        Clock = new FakeTimeProvider(Start.AddDays(-10));
        Deadlines = deadlines ?? new NominationDeadlines();
        Workflow = new NominationWorkflow(Repository, Catalog, Clock);
        Queries = new NominationQueries(Repository, Catalog, Clock, Options.Create(Deadlines));
        Service = new NominationsGrpcService(Workflow, Queries);
        var updater = new ReviewCatalogUpdater(Catalog);
        foreach (var (code, name) in new[] { ("KEN", "Kenya"), ("FRA", "France"), ("BRA", "Brazil"), ("JPN", "Japan"), ("DEU", "Germany"), ("NZL", "New Zealand") })
        {
            updater.UpsertPartyAsync(code, name, default).GetAwaiter().GetResult();
        }
        updater.UpsertReviewAsync("R-KEN", "KEN", ["FRA", "BRA"], Start, default).GetAwaiter().GetResult();
        updater.UpsertReviewAsync("R-FRA", "FRA", ["JPN", "DEU"], Start, default).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; }

    public NominationDeadlines Deadlines { get; }

    public InMemoryNominationRepository Repository { get; } = new();

    public InMemoryCountryReviewCatalog Catalog { get; } = new();

    public NominationWorkflow Workflow { get; }

    public NominationQueries Queries { get; }

    public NominationsGrpcService Service { get; }

    public static Caller Secretariat => Users.ActorOf(Users.Secretariat);

    public Task<NominationOutcome> NominateAsync(string party, NominationRole role, ScopeKind scope, string name, string? reviewId = null, Gender gender = Gender.NotInformed) =>
        Workflow.NominateAsync(
            Secretariat,
            new NominateCommand(party, role, scope, reviewId, People.Input(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@{party.ToLowerInvariant()}.example", gender)),
            default);
}
