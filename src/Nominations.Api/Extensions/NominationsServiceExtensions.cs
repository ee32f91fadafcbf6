using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nominations.Api.Data;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Domain.Workflow;

namespace Nominations.Api.Extensions;

/// <summary>The Nominations service's own wiring (Program.cs calls it once the gRPC server runtime lands).</summary>
public static class NominationsServiceExtensions
{
    public const string DatabaseResource = "nominationsdb";

    /// <summary>
    /// Registers the database (connection string <c>ConnectionStrings__nominationsdb</c>), the repositories,
    /// the domain workflow and queries, and the deadlines (section <c>Nominations:Deadlines</c>).
    /// The <see cref="IntegrationEvents.IIntegrationEventOutbox"/> comes from the messaging library.
    /// </summary>
    public static IHostApplicationBuilder AddNominationsServices(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseResource)
            ?? throw new InvalidOperationException($"Connection string '{DatabaseResource}' is missing (ConnectionStrings__{DatabaseResource}).");
        builder.Services.AddNominationsDatabase(connectionString);
        builder.Services.AddOptions<NominationDeadlines>()
            .Bind(builder.Configuration.GetSection(NominationDeadlines.SectionName))
            .Validate(d => d.FocalPoint > TimeSpan.Zero && d.GovernmentalExperts > TimeSpan.Zero, "Nomination deadlines must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<INominationRepository, EfNominationRepository>();
        builder.Services.AddScoped<ICountryReviewCatalog, EfCountryReviewCatalog>();
        builder.Services.AddScoped<NominationWorkflow>();
        builder.Services.AddScoped<NominationQueries>();
        builder.Services.AddScoped<ReviewCatalogUpdater>();
        return builder;
    }

    public static IServiceCollection AddNominationsDatabase(this IServiceCollection services, string connectionString) =>
        services.AddDbContext<NominationsDbContext>(options => options
            .UseNpgsql(connectionString)
            // The migrations are written by hand, without a model snapshot: EF cannot diff them against the
            // model, so it would always report pending changes. The schema test compares the migrated database
            // with the model instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
}
