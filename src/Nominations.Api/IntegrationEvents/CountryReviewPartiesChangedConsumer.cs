using MassTransit;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Application.Workflow;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Nominations.Api.IntegrationEvents;

/// <summary>A redraw changed a review's reviewers: who may nominate for it follows (queue <c>nominations.country-review-parties-changed</c>).</summary>
public sealed class CountryReviewPartiesChangedConsumer(IIntegrationEventInbox inbox, ICountryReviewCatalog reviews, ReviewCatalogUpdater catalog)
    : IConsumer<CountryReviewPartiesChanged>
{
    public Task Consume(ConsumeContext<CountryReviewPartiesChanged> context) => inbox.ApplyOnceAsync(context, async (message, ct) =>
    {
        var known = await reviews.FindReviewAsync(message.CountryReviewId, ct);
        await catalog.UpsertReviewAsync(
            message.CountryReviewId,
            ReviewPartyEntries.PartyUnderReview(message.Parties) ?? known?.PartyUnderReview,
            ReviewPartyEntries.Reviewers(message.Parties),
            known?.StartedAt,
            ct);
    });
}
