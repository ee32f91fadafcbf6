using Microsoft.Extensions.DependencyInjection.Extensions;
using Nominations.Api.Data;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Application.Workflow;
using Nominations.Api.IntegrationEvents;

namespace Nominations.Api.Extensions;

/// <summary>The Nominations service's own wiring.</summary>
public static class NominationsServiceExtensions
{
    public const string DatabaseResource = "nominationsdb";

    /// <summary>
    /// Token validation, the database (<c>ConnectionStrings__nominationsdb</c>, migrations applied and the party
    /// list seeded at start), the events (outbox for what it publishes, inbox consumers of the Reviews service's
    /// events, over <c>ConnectionStrings__messaging</c>), the domain workflow and queries, and the deadlines
    /// (section <c>Nominations:Deadlines</c>).
    /// </summary>
    public static IHostApplicationBuilder AddNominationsService(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDbContext<NominationsDbContext>(DatabaseResource);
        builder.Services.AddHostedService<PartySeedHostedService>();
        builder.Services.AddHostedService<DemoDataHostedService>();
        builder.AddMessaging<NominationsDbContext>(bus =>
        {
            bus.AddConsumer<CountryReviewOpenedConsumer>();
            bus.AddConsumer<CountryReviewPartiesChangedConsumer>();
        });
        builder.Services.AddOptions<NominationDeadlines>()
            .Bind(builder.Configuration.GetSection(NominationDeadlines.SectionName))
            .Validate(d => d.FocalPoint > TimeSpan.Zero && d.GovernmentalExperts > TimeSpan.Zero, "Nomination deadlines must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<INominationRepository, EfNominationRepository>();
        builder.Services.AddScoped<ICountryReviewCatalog, EfCountryReviewCatalog>();
        builder.Services.AddScoped<NominationWorkflow>();
        builder.Services.AddScoped<NominationQueries>();
        builder.Services.AddScoped<ReviewCatalogUpdater>();
        return builder;
    }
}
