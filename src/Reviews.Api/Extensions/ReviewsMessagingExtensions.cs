using Reviews.Api.IntegrationEvents;

namespace Reviews.Api.Extensions;

public static class ReviewsMessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the outbox of reviewsdb and the consumers of the Nominations and Documents
    /// events, when <c>ConnectionStrings:messaging</c> is set (tests of the RPCs alone run without a broker; the
    /// events they cause still wait in the outbox table).
    /// </summary>
    public static IHostApplicationBuilder AddReviewsMessaging(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            return builder;
        }
        builder.AddMessaging<Data.ReviewsDbContext>(bus =>
        {
            bus.AddConsumer<NominationEventsConsumer>();
            bus.AddConsumer<DocumentEventsConsumer>();
        });
        return builder;
    }
}
