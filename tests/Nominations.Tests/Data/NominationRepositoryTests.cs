using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nominations.Api.Application.Workflow;
using Nominations.Api.Domain;
using Nominations.Tests.Support;
using Npgsql;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Tests.Data;

/// <summary>
/// The EF repository on a real PostgreSQL built by the hand-written migrations: a roster is stored and read back whole
/// with its events in the outbox; a concurrent change is detected by the roster's revision or, when that cannot see it,
/// by the name of the constraint PostgreSQL refused (the roster's key, the one-active-focal-point index).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NominationRepositoryTests(PostgresFixture postgres)
{
    private const string OneActiveFocalPointIndex = "IX_Nominations_OneActiveFocalPointPerScope";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ARosterIsStoredWholeAndReadBackWithOneOutboxEventPerChange()
    {
        var database = await postgres.NewSeededDatabaseAsync();
        Nomination predecessor;
        SubstitutionOutcome substitution;
        int revision;
        await using (var request = Request(database))
        {
            predecessor = (await NominateAsync(request.Workflow, "NZL", NominationRole.FocalPoint, "Aroha Ngata")).Nomination;
        }
        Assert.Equal(1, await OutboxCountAsync(database));
        await using (var request = Request(database))
        {
            await request.Workflow.AssignTaskAsync(Mechanism.Secretariat,
                new AssignTaskCommand("NZL", predecessor.Id.ToString(), "Answer the questionnaire", "Articles 5 to 9", null, _clock.GetUtcNow().AddDays(30)), default);
            _clock.Advance(TimeSpan.FromDays(1));
            substitution = await request.Workflow.SubstituteFocalPointAsync(Mechanism.Secretariat,
                new SubstituteFocalPointCommand("NZL", predecessor.Id.ToString(), People.Input("Wiremu Tane", "wiremu.tane@nzl.example"), "Moved to another ministry"), default);
            revision = (await request.Repository.FindAsync("NZL", default))!.Revision;
        }

        await using var reader = Request(database);
        var roster = await reader.Repository.FindAsync("NZL", default);

        Assert.NotNull(roster);
        Assert.Equal(revision, roster.Revision);
        Assert.Equal([(predecessor.Id, NominationStatus.Substituted), (substitution.Successor.Id, NominationStatus.Active)],
            roster.Nominations.OrderBy(n => n.EffectiveFrom).Select(n => (n.Id, n.Status)));
        Assert.Equal(substitution.Successor.Id, roster.ActiveFocalPoint(NominationScope.OwnReview)!.Id);
        var task = Assert.Single(roster.Tasks);
        Assert.Equal(substitution.Successor.Id, task.NominationId);
        var handover = Assert.Single(roster.Handovers);
        Assert.Equal((predecessor.Id, substitution.Successor.Id, "Answer the questionnaire"),
            (handover.FromNominationId, handover.ToNominationId, Assert.Single(handover.Items).Title));
        Assert.True(await OutboxCountAsync(database) > 1, "the substitution's events are in the outbox");
    }

    [Fact]
    public async Task TwoFirstNominationsOfAPartyAtOnceCollideOnTheRostersKeyAndOnlyTheFirstIsStored()
    {
        var database = await postgres.NewSeededDatabaseAsync();
        await using var first = Request(database);
        await using var second = Request(database);
        Assert.Null(await first.Repository.FindAsync("KEN", default));
        Assert.Null(await second.Repository.FindAsync("KEN", default));
        var winner = PartyRoster.Open("KEN");
        winner.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Amina Otieno", "amina@ken.example"), "secretariat-1", _clock.GetUtcNow());
        var loser = PartyRoster.Open("KEN");
        loser.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Brian Mwangi", "brian@ken.example"), "secretariat-1", _clock.GetUtcNow());

        await first.Repository.SaveAsync(winner, default);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.Repository.SaveAsync(loser, default));

        Assert.Equal("KEN", conflict.Party);
        Assert.Equal("PK_PartyRosters", ConstraintOf(conflict));
        Assert.Equal(["Amina Otieno"], await ActiveFocalPointsAsync(database, "KEN"));
        Assert.Equal(1, await OutboxCountAsync(database));
    }

    [Fact]
    public async Task AChangeToARosterSomeoneElseSavedSinceItWasReadIsAConflictByItsRevision()
    {
        var database = await postgres.NewSeededDatabaseAsync();
        await using (var request = Request(database))
        {
            await NominateAsync(request.Workflow, "BRA", NominationRole.GovernmentalExpert, "Ana Souza");
        }
        await using var first = Request(database);
        await using var second = Request(database);
        var mine = (await first.Repository.FindAsync("BRA", default))!;
        var theirs = (await second.Repository.FindAsync("BRA", default))!;
        mine.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Carlos Lima", "carlos@bra.example"), "secretariat-1", _clock.GetUtcNow());
        theirs.Nominate(NominationRole.GovernmentalExpert, NominationScope.OwnReview, People.Details("Duda Reis", "duda@bra.example"), "secretariat-1", _clock.GetUtcNow());

        await first.Repository.SaveAsync(mine, default);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.Repository.SaveAsync(theirs, default));

        Assert.IsType<DbUpdateConcurrencyException>(conflict.InnerException);
        Assert.Equal(2, await ScalarAsync(database, """SELECT count(*) FROM "Nominations" WHERE "Party" = 'BRA'"""));
        Assert.Equal(2, await OutboxCountAsync(database));
    }

    [Fact]
    public async Task ASecondActiveFocalPointTheRevisionDidNotSeeIsRefusedByTheIndexAndNamedAConflict()
    {
        var database = await postgres.NewSeededDatabaseAsync();
        await using (var request = Request(database))
        {
            await NominateAsync(request.Workflow, "JPN", NominationRole.FocalPoint, "Yuki Sato");
        }
        await using var late = Request(database);
        var roster = (await late.Repository.FindAsync("JPN", default))!;
        var first = roster.ActiveFocalPoint(NominationScope.OwnReview)!;
        // A writer that bypasses the roster's revision (a manual fix, an old instance) ends that focal point and adds
        // another: the revision is unchanged, so only the partial unique index can see the second active focal point.
        await ExecuteAsync(database, $"""
            CREATE TEMP TABLE copy AS SELECT * FROM "Nominations" WHERE "Id" = '{first.Id}';
            UPDATE copy SET "Id" = gen_random_uuid(), "PersonId" = gen_random_uuid(), "Email" = 'other@jpn.example';
            UPDATE "Nominations" SET "Status" = 'Withdrawn' WHERE "Id" = '{first.Id}';
            INSERT INTO "Nominations" SELECT * FROM copy;
            """);
        roster.Withdraw(first.Id, "Left the ministry", "secretariat-1", _clock.GetUtcNow());
        roster.Nominate(NominationRole.FocalPoint, NominationScope.OwnReview, People.Details("Kenji Ito", "kenji@jpn.example"), "secretariat-1", _clock.GetUtcNow());

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => late.Repository.SaveAsync(roster, default));

        Assert.Equal(OneActiveFocalPointIndex, ConstraintOf(conflict));
        Assert.Equal(["Yuki Sato"], await ActiveFocalPointsAsync(database, "JPN"));
    }

    [Fact]
    public async Task TwoConcurrentNominationsForTheSamePlaceEndInOneFocalPointAndTheDomainsRefusalForTheOther()
    {
        var database = await postgres.NewSeededDatabaseAsync();
        var bothRead = new Rendezvous(2);
        await using var first = Request(database, bothRead);
        await using var second = Request(database, bothRead);

        var outcomes = await Task.WhenAll(
            Attempt(() => NominateAsync(first.Workflow, "DEU", NominationRole.FocalPoint, "Greta Weber")),
            Attempt(() => NominateAsync(second.Workflow, "DEU", NominationRole.FocalPoint, "Hans Vogel")));

        Assert.Equal(2, bothRead.Arrived);
        var refusal = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal((DomainErrorKind.AlreadyExists, "FOCAL_POINT_ALREADY_ACTIVE"), (refusal.Kind, refusal.Code));
        Assert.Single(await ActiveFocalPointsAsync(database, "DEU"));
        Assert.Equal(1, await OutboxCountAsync(database));
    }

    private NominationsRequest Request(string database, Rendezvous? rendezvous = null) =>
        new(database, _clock, rendezvous is null ? null : inner => new MeetBeforeFirstSave(inner, rendezvous));

    private static Task<NominationOutcome> NominateAsync(NominationWorkflow workflow, string party, NominationRole role, string name) =>
        workflow.NominateAsync(Mechanism.Secretariat, new NominateCommand(party, role, ScopeKind.OwnReview, null,
            People.Input(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@{party.ToLowerInvariant()}.example")), default);

    private static async Task<DomainException?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException refused)
        {
            return refused;
        }
    }

    private static string? ConstraintOf(ConcurrencyConflictException conflict) =>
        (conflict.InnerException?.InnerException as PostgresException)?.ConstraintName;

    private static async Task<List<string>> ActiveFocalPointsAsync(string database, string party)
    {
        await using var db = NominationsDatabase.Context(database);
        return await db.Nominations.AsNoTracking()
            .Where(n => n.Party == party && n.Role == NominationRole.FocalPoint && n.Status == NominationStatus.Active)
            .Select(n => n.Person.FullName).ToListAsync();
    }

    private static Task<long> OutboxCountAsync(string database) => ScalarAsync(database, "SELECT count(*) FROM outbox_messages");

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived (once): both have read the roster before either saves.</summary>
    private sealed class Rendezvous(int count)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public int Arrived => Volatile.Read(ref _arrived);

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) == count)
            {
                _all.SetResult();
            }
            return _all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>The repository of one request, whose first save waits at the rendezvous.</summary>
    private sealed class MeetBeforeFirstSave(INominationRepository inner, Rendezvous rendezvous) : INominationRepository
    {
        private bool _met;

        public Task<PartyRoster?> FindAsync(string party, CancellationToken cancellationToken) => inner.FindAsync(party, cancellationToken);

        public async Task SaveAsync(PartyRoster roster, CancellationToken cancellationToken)
        {
            if (!_met)
            {
                _met = true;
                await rendezvous.ArriveAsync();
            }
            await inner.SaveAsync(roster, cancellationToken);
        }

        public Task<IReadOnlyList<Nomination>> ListNominationsAsync(IReadOnlyCollection<string>? parties, CancellationToken cancellationToken) =>
            inner.ListNominationsAsync(parties, cancellationToken);
    }
}
