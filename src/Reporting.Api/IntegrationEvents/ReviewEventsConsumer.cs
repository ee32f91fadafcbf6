using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using Reporting.Api.Data.Projections;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>The Reviews service's events: reviews opened, their parties, stages and languages (queue <c>reporting.review-events</c>).</summary>
public sealed class ReviewEventsConsumer(IIntegrationEventInbox inbox, ReviewProjection projection)
    : IConsumer<CountryReviewOpened>, IConsumer<CountryReviewStageChanged>, IConsumer<CountryReviewPartiesChanged>, IConsumer<WorkingLanguagesAgreed>
{
    public Task Consume(ConsumeContext<CountryReviewOpened> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.OpenedAsync(EventFacts.Opened(e), ct));

    public Task Consume(ConsumeContext<CountryReviewStageChanged> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => EventFacts.StageChanged(e) is { } change ? projection.StageChangedAsync(change, ct) : Task.CompletedTask);

    public Task Consume(ConsumeContext<CountryReviewPartiesChanged> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.PartiesChangedAsync(EventFacts.Id(e.CountryReviewId), EventFacts.At(e.ChangedAt), EventFacts.Places(e.Parties), ct));

    public Task Consume(ConsumeContext<WorkingLanguagesAgreed> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.LanguagesAgreedAsync(EventFacts.Languages(e), ct));
}
