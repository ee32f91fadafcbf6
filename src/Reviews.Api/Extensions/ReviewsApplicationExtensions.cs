using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Phases;
using Reviews.Api.IntegrationEvents;
using Reviews.Api.Notifications;

namespace Reviews.Api.Extensions;

public static class ReviewsApplicationExtensions
{
    /// <summary>
    /// Everything the Reviews service needs besides the platform (gRPC server, auth, messaging): the configurable
    /// rules, the database, the event handler, the notice dispatcher and the e-mail sender. Program.cs calls it
    /// with the gRPC server (<c>MapGrpcService&lt;ReviewsGrpcService&gt;()</c>) once ServiceDefaults wires auth.
    /// </summary>
    public static IHostApplicationBuilder AddReviewsApplication(this IHostApplicationBuilder builder)
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
        services.AddSingleton(TimeProvider.System);
        services.AddReviewsData(configuration);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<ReviewsEventHandler>();
        services.AddHostedService<NotificationDispatchService>();
        return builder;
    }
}
