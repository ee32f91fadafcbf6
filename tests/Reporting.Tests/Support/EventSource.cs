using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Recovery;

namespace Reporting.Tests.Support;

/// <summary>
/// A bus of its own that publishes the October 2023 data set as the Reviews and Nominations services' integration
/// events (CountryReviewOpened, CountryReviewStageChanged, WorkingLanguagesAgreed, PersonNominated), as their
/// outbox relays do: each publish is retried until the broker confirms it.
/// </summary>
public sealed class EventSource : IAsyncDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);
    private readonly IHost _host;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime> _confirmed = new();
    private int _timedOut;

    private EventSource(IHost host) => _host = host;

    public static async Task<EventSource> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = connectionString,
            ["Messaging:ServiceName"] = "october-2023-sources",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddMessaging();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(120));
        return new EventSource(host);
    }

    /// <summary>The data set's events in the order the services would send them: reviews, stages, languages, nominations.</summary>
    public static List<IMessage> Events(October2023 data) =>
    [
        .. data.Reviews.Select(r => (IMessage)new CountryReviewOpened
        {
            CountryReviewId = r.Id, PartyUnderReview = r.PartyUnderReview, GroupNumber = r.Group, Phase = r.Phase, Cluster = r.Cluster,
            StartDate = Timestamp.FromDateTimeOffset(new DateTimeOffset(r.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            OpenedAt = Timestamp.FromDateTimeOffset(r.OpenedAt),
            Parties = { r.Places.Select(p => new ReviewPartyEntry { Party = p.Party, Role = p.Role }) },
        }),
        .. data.StageChanges.Select(c => (IMessage)new CountryReviewStageChanged
        {
            CountryReviewId = c.ReviewId, FromStage = ((Stage)c.FromStage).Name(), ToStage = ((Stage)c.ToStage).Name(),
            Trigger = "test", ChangedAt = Timestamp.FromDateTimeOffset(c.ChangedAt),
        }),
        .. data.Languages.Select(l => (IMessage)new WorkingLanguagesAgreed
        {
            CountryReviewId = l.ReviewId, Languages = { l.Languages }, Exceptional = l.Exceptional, AgreedAt = Timestamp.FromDateTimeOffset(l.AgreedAt),
        }),
        .. data.Nominations.Select(n => (IMessage)new PersonNominated
        {
            NominationId = n.NominationId, Party = n.Party, PersonId = n.PersonId, Gender = n.Gender, FullName = n.PersonId, Email = $"{n.PersonId}@example.org",
            Role = n.Role == "FOCAL_POINT" ? NominationRole.FocalPoint : NominationRole.GovernmentalExpert,
            Scope = new NominationScope { Kind = (ScopeKind)n.ScopeKind == ScopeKind.AsReviewer ? NominationScopeKind.AsReviewer : NominationScopeKind.OwnReview },
            EffectiveFrom = Timestamp.FromDateTimeOffset(n.EffectiveFrom),
        }),
    ];

    /// <summary>Publishes each event until the broker confirms it, with the same message id on every attempt (as an outbox relay retries; the inbox applies it once), each attempt bounded as the relay bounds it.</summary>
    public async Task PublishAsync(IEnumerable<IMessage> events, CancellationToken cancellationToken)
    {
        // The relay's publisher: an attempt ends after 15 s (Messaging:Outbox:PublishTimeout) whatever MassTransit does
        // with it, and counts as failed, so BusRecovery restarts the bus once publishes have failed for a minute while
        // the broker answers.
        var publisher = _host.Services.GetRequiredService<ConfirmedPublisher>();
        foreach (var batch in events.Chunk(64))
        {
            await Task.WhenAll(batch.Select(async message =>
            {
                var id = NewId.NextGuid();
                while (true)
                {
                    try
                    {
                        await publisher.PublishAsync(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id), AttemptTimeout, cancellationToken);
                        _confirmed[id] = DateTime.UtcNow;
                        return;
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (e is TimeoutException)
                        {
                            Interlocked.Increment(ref _timedOut);
                        }
                        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                    }
                }
            }));
        }
    }

    /// <summary>Publish attempts that got no confirmation within their 15 s (and were tried again).</summary>
    public int TimedOut => Volatile.Read(ref _timedOut);

    /// <summary>When the broker confirmed each event, by message id.</summary>
    public IReadOnlyDictionary<Guid, DateTime> Confirmed => _confirmed;

    /// <summary>How many times BusRecovery restarted this bus.</summary>
    public int BusRestarts => _host.Services.GetRequiredService<BusRecovery>().Restarts;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
