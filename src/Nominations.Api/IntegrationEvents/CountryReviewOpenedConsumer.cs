using MassTransit;
using Nominations.Api.Data;
using Nominations.Api.Domain.Workflow;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Nominations.Api.IntegrationEvents;

/// <summary>
/// A country review was opened: its parties may now nominate for it, and its start date starts the nomination
/// deadlines (focal point 2 weeks, governmental experts 4 weeks).
/// </summary>
public sealed class CountryReviewOpenedConsumer(NominationsDbContext db, ReviewCatalogUpdater catalog)
    : IdempotentConsumer<CountryReviewOpened, NominationsDbContext>(db)
{
    protected override string ConsumerName => "nominations.country-review-opened";

    protected override Task HandleAsync(CountryReviewOpened message, ConsumeContext<CountryReviewOpened> context, CancellationToken cancellationToken) =>
        catalog.UpsertReviewAsync(
            message.CountryReviewId,
            message.PartyUnderReview,
            ReviewPartyEntries.Reviewers(message.Parties),
            message.StartDate?.ToDateTimeOffset(),
            cancellationToken);
}
