using MassTransit;
using Nominations.Api.Data;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Domain.Workflow;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Nominations.Api.IntegrationEvents;

/// <summary>A redraw changed a review's reviewers: who may nominate for it follows.</summary>
public sealed class CountryReviewPartiesChangedConsumer(NominationsDbContext db, ICountryReviewCatalog reviews, ReviewCatalogUpdater catalog)
    : IdempotentConsumer<CountryReviewPartiesChanged, NominationsDbContext>(db)
{
    protected override string ConsumerName => "nominations.country-review-parties-changed";

    protected override async Task HandleAsync(CountryReviewPartiesChanged message, ConsumeContext<CountryReviewPartiesChanged> context, CancellationToken cancellationToken)
    {
        var known = await reviews.FindReviewAsync(message.CountryReviewId, cancellationToken);
        await catalog.UpsertReviewAsync(
            message.CountryReviewId,
            ReviewPartyEntries.PartyUnderReview(message.Parties) ?? known?.PartyUnderReview,
            ReviewPartyEntries.Reviewers(message.Parties),
            known?.StartedAt,
            cancellationToken);
    }
}
