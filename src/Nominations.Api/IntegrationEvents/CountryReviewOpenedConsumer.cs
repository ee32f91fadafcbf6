using MassTransit;
using Nominations.Api.Application.Workflow;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Nominations.Api.IntegrationEvents;

/// <summary>
/// A country review was opened: its parties may now nominate for it, and its start date starts the nomination
/// deadlines (focal point 2 weeks, governmental experts 4 weeks) (queue <c>nominations.country-review-opened</c>).
/// </summary>
public sealed class CountryReviewOpenedConsumer(IIntegrationEventInbox inbox, ReviewCatalogUpdater catalog) : IConsumer<CountryReviewOpened>
{
    public Task Consume(ConsumeContext<CountryReviewOpened> context) => inbox.ApplyOnceAsync(context, (message, ct) =>
        catalog.UpsertReviewAsync(
            message.CountryReviewId,
            message.PartyUnderReview,
            ReviewPartyEntries.Reviewers(message.Parties),
            message.StartDate?.ToDateTimeOffset(),
            ct));
}
