using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Reviews.Api.Data;

namespace Reviews.Api.Extensions;

public static class ReviewsDataExtensions
{
    /// <summary>
    /// EF Core on PostgreSQL from <c>ConnectionStrings:reviewsdb</c> (through ServiceDefaults: migrations at start,
    /// health check), then the party list loaded into an empty database.
    /// </summary>
    public static IHostApplicationBuilder AddReviewsData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ReviewsDbContext>("reviewsdb");
        builder.Services.AddHostedService<ReviewsSeedHostedService>();
        builder.Services.AddHostedService<Data.Demo.DemoDataHostedService>();
        return builder;
    }

    /// <summary>
    /// Npgsql with the settings the hand-written migrations need: there is no generated model snapshot, so EF's
    /// "pending model changes" check cannot work and is turned off; a test compares the migrated schema with the model.
    /// </summary>
    public static TBuilder UseReviewsDatabase<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }
}
