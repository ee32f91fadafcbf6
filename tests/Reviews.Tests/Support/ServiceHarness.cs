using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reviews.Api.Data;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Phases;
using Reviews.Api.Grpc;
using Reviews.Api.IntegrationEvents;
using Reviews.Api.Application.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Support;

/// <summary>The service class and the event handler over a real database, with a clock the test moves.</summary>
public sealed class ServiceHarness(string connectionString, FakeTimeProvider clock)
{
    public FakeTimeProvider Clock { get; } = clock;

    public NotificationSignal Signal { get; } = new();

    public DrawingOfLotsOptions Drawing { get; } = new();

    public NotificationFeedOptions Feed { get; } = new() { PollInterval = TimeSpan.FromMilliseconds(200) };

    public static async Task<ServiceHarness> StartAsync(PostgresFixture postgres, FakeTimeProvider clock) =>
        new(await postgres.NewSeededDatabaseAsync(clock), clock);

    /// <summary>A fresh service (one per call, as the server creates them) over a fresh context.</summary>
    public ReviewsGrpcService Service() => new(
        Db(), Clock, Options.Create(Drawing), Options.Create(new ReviewTimelineOptions()), Options.Create(new PhaseOptions()),
        Options.Create(Feed), Signal);

    public ReviewsEventHandler Events() => new(Db(), Clock, Options.Create(new ReviewTimelineOptions()), NullLogger<ReviewsEventHandler>.Instance);

    public ReviewsDbContext Db() => ReviewsDatabase.Context(connectionString);
}
