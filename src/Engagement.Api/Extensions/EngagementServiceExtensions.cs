using Engagement.Api.Application;
using Engagement.Api.Data;
using Engagement.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.Messaging.Outbox;

namespace Engagement.Api.Extensions;

public static class EngagementServiceExtensions
{
    public const string DatabaseResource = "engagementdb";
    public const string MailResource = "mail";

    /// <summary>
    /// Token validation, the service's own database (<c>ConnectionStrings__engagementdb</c>, migrations applied at
    /// start, health check), the transactional outbox over RabbitMQ when <c>ConnectionStrings__messaging</c> is set,
    /// the use cases and the mail queue, sent through the SMTP server of <c>ConnectionStrings__mail</c> when set.
    /// </summary>
    public static IHostApplicationBuilder AddEngagementService(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDbContext<EngagementDbContext>(DatabaseResource);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("messaging")))
        {
            builder.AddMessaging<EngagementDbContext>();
        }
        builder.Services.AddEngagementUseCases(builder.Configuration);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(MailResource)))
        {
            // SMTP (MailKit) to the stack's mail server; never a pickup folder: without a server, mails wait in mail_queue.
            builder.AddMailSender(connectionName: MailResource);
        }
        builder.Services.AddHostedService<MailQueueDispatcher>();
        return builder;
    }

    /// <summary>The use cases over an <see cref="EngagementDbContext"/> registered by the caller (tests register their own).</summary>
    public static IServiceCollection AddEngagementUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EngagementOptions>().Bind(configuration.GetSection("Engagement"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EngagementOptions>>().Value);
        services.AddSingleton<ApplicationFeedSignal>();
        services.AddSingleton<ApplicationFeed>();
        services.AddSingleton<ArrivalGate>();
        services.AddSingleton<ArrivalQueue>();
        services.AddScoped<ArrivalBatch>();
        services.AddScoped(sp => new EngagementIntegrationEvents(
            sp.GetRequiredService<EngagementDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IIntegrationEventOutbox>()));
        services.AddScoped<ApplicationMails>();
        services.AddScoped<SeatLedger>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<ApplicationUseCases>();
        services.AddScoped<DecisionUseCases>();
        services.AddScoped<DialogueUseCases>();
        services.AddScoped<TrainingUseCases>();
        return services;
    }

    /// <summary>The Npgsql options the service uses, for tools and tests that build the context themselves.</summary>
    public static DbContextOptionsBuilder UseEngagementDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);
}
