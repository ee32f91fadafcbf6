using Identity.Api.Data;
using Identity.Api.IntegrationEvents;

namespace Identity.Api.Extensions;

public static class IdentityMessagingExtensions
{
    /// <summary>
    /// The nomination events over RabbitMQ (<c>ConnectionStrings:messaging</c>), each applied once through the
    /// inbox of identitydb. Without that connection string (tests of the protocol endpoints) nothing is consumed.
    /// </summary>
    public static WebApplicationBuilder AddIdentityMessaging(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            return builder;
        }
        builder.AddMessaging<IdentityDb>(bus =>
        {
            bus.AddConsumer<PersonNominatedConsumer>();
            bus.AddConsumer<NominationWithdrawnConsumer>();
        });
        return builder;
    }
}
