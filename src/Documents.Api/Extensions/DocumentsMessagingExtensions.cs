using Documents.Api.Data;
using Documents.Api.IntegrationEvents;

namespace Documents.Api.Extensions;

public static class DocumentsMessagingExtensions
{
    /// <summary>
    /// The read-model consumers (Reviews' and Nominations' events) and the outbox of documentsdb over RabbitMQ, when
    /// <c>ConnectionStrings:messaging</c> is set; without a broker the events wait in the outbox table.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentsMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadModelProjection>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            return builder;
        }
        builder.AddMessaging<DocumentsDbContext>(bus =>
        {
            bus.AddConsumer<ReviewEventsConsumer>();
            bus.AddConsumer<NominationEventsConsumer>();
        });
        return builder;
    }
}
