using Documents.Api.Data;

namespace Documents.Api.Extensions;

public static class DocumentsServiceExtensions
{
    public const string DatabaseResource = "documentsdb";

    /// <summary>
    /// Token validation, the service's own database (<c>ConnectionStrings__documentsdb</c>, migrations applied at
    /// start, health check) and, when <c>ConnectionStrings__messaging</c> is set, the transactional outbox
    /// over RabbitMQ. The domain behaviour comes with the Documents domain work.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentsService(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDbContext<DocumentsDbContext>(DatabaseResource);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            builder.AddMessaging<DocumentsDbContext>();
        }
        return builder;
    }
}
