using Microsoft.Extensions.DependencyInjection.Extensions;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Phases;
using Reviews.Api.IntegrationEvents;
using Reviews.Api.Application.Notifications;

namespace Reviews.Api.Extensions;

public static class ReviewsServiceExtensions
{
    /// <summary>
    /// The Reviews service: token validation, the database (<c>ConnectionStrings__reviewsdb</c>; migrations applied
    /// and the parties loaded at start), the events over <c>ConnectionStrings__messaging</c> when it is set (outbox
    /// rows written by <see cref="Data.ReviewsDbContext"/>'s saves; inbox consumers of the Nominations and Documents
    /// events), the configurable rules, the notice dispatcher and the e-mail sender.
    /// </summary>
    public static IHostApplicationBuilder AddReviewsService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<DrawingOfLotsOptions>(configuration.GetSection(DrawingOfLotsOptions.Section));
        services.Configure<ReviewTimelineOptions>(configuration.GetSection(ReviewTimelineOptions.Section));
        services.Configure<PhaseOptions>(configuration.GetSection(PhaseOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<NotificationFeedOptions>(configuration.GetSection(NotificationFeedOptions.Section));
        services.Configure<NotificationDispatchOptions>(configuration.GetSection(NotificationDispatchOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        builder.AddDefaultAuthentication();
        builder.AddReviewsData();
        builder.AddReviewsMessaging();
        services.AddSingleton<NotificationSignal>();
        var pickup = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.PickupDirectory ?? new EmailOptions().PickupDirectory;
        builder.AddMailSender(mail => mail.PickupDirectory ??= pickup);
        services.AddSingleton<IEmailSender, NoticeMailSender>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<ReviewsEventHandler>();
        services.AddHostedService<NotificationDispatchService>();
        return builder;
    }
}
