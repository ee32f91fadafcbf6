using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reviews.Api.Data;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Phases;
using Reviews.Api.Grpc;
using Reviews.Api.IntegrationEvents;
using Reviews.Api.Application.CountryReviews;
using Reviews.Api.Application.Drawing;
using Reviews.Api.Application.Notifications;
using Reviews.Api.Application.Parties;
using Reviews.Api.Application.Phases;
using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Support;

/// <summary>The use cases, the service class and the event handler over a real database, with a clock the test moves.</summary>
public sealed class ServiceHarness(string connectionString, FakeTimeProvider clock)
{
    public FakeTimeProvider Clock { get; } = clock;

    public NotificationSignal Signal { get; } = new();

    public DrawingOfLotsOptions Drawing { get; } = new();

    public NotificationFeedOptions Feed { get; } = new() { PollInterval = TimeSpan.FromMilliseconds(200) };

    public static async Task<ServiceHarness> StartAsync(PostgresFixture postgres, FakeTimeProvider clock) =>
        new(await postgres.NewSeededDatabaseAsync(clock), clock);

    /// <summary>A fresh service (one per call, as the server creates them) over fresh use cases and a fresh context.</summary>
    public ReviewsGrpcService Service()
    {
        var db = Db();
        return new(
            new PartyWorkflow(db, Clock), Draws(db), new CountryReviewWorkflow(db, Clock), new PhaseWorkflow(db, Clock, Options.Create(Timeline), Options.Create(Phases)),
            new NotificationFeed(db, Clock, Options.Create(Feed), Signal), Options.Create(Phases));
    }

    /// <summary>The drawing-of-lots use cases over a fresh context (or <paramref name="db"/>), called without gRPC.</summary>
    public DrawingWorkflow Draws(ReviewsDbContext? db = null) =>
        new(db ?? Db(), Clock, Options.Create(Drawing), Options.Create(Timeline), Options.Create(Phases));

    public ReviewTimelineOptions Timeline { get; } = new();

    public PhaseOptions Phases { get; } = new();

    public ReviewsEventHandler Events() => new(Db(), Clock, Options.Create(new ReviewTimelineOptions()), NullLogger<ReviewsEventHandler>.Instance);

    public ReviewsDbContext Db() => ReviewsDatabase.Context(connectionString);
}
