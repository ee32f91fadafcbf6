using Reporting.Api.Data;

namespace Reporting.Api.Extensions;

public static class ReportingServiceExtensions
{
    public const string DatabaseResource = "reportingdb";

    /// <summary>
    /// Token validation, the service's own database (<c>ConnectionStrings__reportingdb</c>, migrations applied at
    /// start, health check) and, when <c>ConnectionStrings__messaging</c> is set, the transactional outbox
    /// over RabbitMQ. The domain behaviour comes with the Reporting domain work.
    /// </summary>
    public static IHostApplicationBuilder AddReportingService(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDbContext<ReportingDbContext>(DatabaseResource);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            builder.AddMessaging<ReportingDbContext>();
        }
        return builder;
    }
}
