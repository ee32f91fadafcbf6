using Microsoft.Extensions.DependencyInjection.Extensions;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Phases;
using Reviews.Api.IntegrationEvents;
using Reviews.Api.Application.CountryReviews;
using Reviews.Api.Application.Drawing;
using Reviews.Api.Application.Notifications;
using Reviews.Api.Application.Parties;
using Reviews.Api.Application.Phases;

namespace Reviews.Api.Extensions;

public static class ReviewsServiceExtensions
{
    /// <summary>
    /// The Reviews service: token validation, the database (<c>ConnectionStrings__reviewsdb</c>; migrations applied
    /// and the parties loaded at start), the use cases (<c>Application/</c>), the events over <c>ConnectionStrings__messaging</c> when it is set (outbox
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
        services.TryAddSingleton(TimeProvider.System);
        builder.AddDefaultAuthentication();
        builder.AddReviewsData();
        builder.AddReviewsMessaging();
        services.AddSingleton<NotificationSignal>();
        // Without a mail server (ConnectionStrings__mail), notices are written as .eml files (Mail__PickupDirectory).
        builder.AddMailSender(mail => mail.PickupDirectory ??= ".data/mail");
        services.AddScoped<PartyWorkflow>();
        services.AddScoped<DrawingWorkflow>();
        services.AddScoped<CountryReviewWorkflow>();
        services.AddScoped<PhaseWorkflow>();
        services.AddScoped<NotificationFeed>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<ReviewsEventHandler>();
        services.AddHostedService<NotificationDispatchService>();
        return builder;
    }
}
