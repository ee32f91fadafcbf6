using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Api.Application.Caching;
using Reporting.Api.Application.Compilation;
using Reporting.Api.Application.Exports;
using Reporting.Api.Application.Records;
using Reporting.Api.Application.Rebuild;
using Reporting.Api.Application.Reports;
using Reporting.Api.Data;
using Reporting.Api.Data.Projections;
using Reporting.Api.Domain.Figures;
using Reporting.Api.IntegrationEvents;
using ReviewMechanism.Messaging.Inbox;

namespace Reporting.Api.Extensions;

public static class ReportingServiceExtensions
{
    public const string DatabaseResource = "reportingdb";

    /// <summary>
    /// The Reporting service: token validation, its database (<c>ConnectionStrings__reportingdb</c>, migrations at
    /// start, the 2024 compilation loaded into an empty one), the report cache in Redis (<c>ConnectionStrings__redis</c>),
    /// the consumers of the Reviews, Nominations, Documents and Engagement events over RabbitMQ when
    /// <c>ConnectionStrings__messaging</c> is set, the use cases, and the Reviews and Nominations clients the rebuild
    /// reads (service discovery: <c>services__reviews__grpc__0</c>, <c>services__nominations__grpc__0</c>).
    /// </summary>
    public static IHostApplicationBuilder AddReportingService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDbContext<ReportingDbContext>(DatabaseResource);
        builder.AddRedisClient();
        builder.AddReportingMessaging();
        services.Configure<ReportCacheOptions>(builder.Configuration.GetSection(ReportCacheOptions.Section));
        services.AddSingleton(builder.Configuration.GetSection(PhaseThreshold.Section).Get<PhaseThreshold>() ?? new PhaseThreshold());
        services.AddSingleton<IReportCache, RedisReportCache>();
        services.AddSingleton<ProgressReportBuilder>();
        services.AddSingleton<ChartRenderer>();
        services.AddScoped<ReportReader>();
        services.AddScoped<ProgressReports>();
        services.AddScoped<Recommendations>();
        services.AddScoped<SecretariatRecords>();
        services.AddScoped<ReviewProjection>();
        services.AddScoped<NominationProjection>();
        services.AddScoped<DocumentProjection>();
        services.AddScoped<EngagementProjection>();
        services.AddScoped<ReadModelRebuild>();
        services.AddScoped<IReadModelSources, ServiceApiSources>();
        services.AddServiceGrpcClient<ReviewMechanism.Reviews.V1.ReviewsService.ReviewsServiceClient>("reviews");
        services.AddServiceGrpcClient<ReviewMechanism.Nominations.V1.NominationsService.NominationsServiceClient>("nominations");
        services.AddHostedService<CompilationSeedHostedService>();
        return builder;
    }

    /// <summary>The dashboard's pages (Razor Pages) and the secretariat's sign-in (<see cref="DashboardAuthentication"/>).</summary>
    public static IHostApplicationBuilder AddReportingDashboard(this IHostApplicationBuilder builder)
    {
        builder.AddDashboardAuthentication();
        builder.Services.AddRazorPages();
        return builder;
    }

    /// <summary>
    /// The consumers (queues <c>reporting.*</c>), each applying events once through the platform's inbox, with
    /// <see cref="ReadModelInboxInterceptor"/> around each (the read-model lock, then the report cache).
    /// </summary>
    public static IHostApplicationBuilder AddReportingMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IInboxInterceptor, ReadModelInboxInterceptor>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            return builder;
        }
        builder.AddMessaging<ReportingDbContext>(bus =>
        {
            bus.AddConsumer<ReviewEventsConsumer>();
            bus.AddConsumer<NominationEventsConsumer>();
            bus.AddConsumer<DocumentEventsConsumer>();
            bus.AddConsumer<EngagementEventsConsumer>();
        });
        return builder;
    }
}
