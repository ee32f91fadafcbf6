using Engagement.Api.Data;

namespace Engagement.Api.Extensions;

public static class EngagementServiceExtensions
{
    public const string DatabaseResource = "engagementdb";

    /// <summary>
    /// Token validation, the service's own database (<c>ConnectionStrings__engagementdb</c>, migrations applied at
    /// start, health check) and, when <c>ConnectionStrings__messaging</c> is set, the transactional outbox
    /// over RabbitMQ. The domain behaviour comes with the Engagement domain work.
    /// </summary>
    public static IHostApplicationBuilder AddEngagementService(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDbContext<EngagementDbContext>(DatabaseResource);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            builder.AddMessaging<EngagementDbContext>();
        }
        return builder;
    }
}
