using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Reviews.Api.Data;

namespace Reviews.Api.Extensions;

public static class ReviewsDataExtensions
{
    /// <summary>Configures EF Core on PostgreSQL from <c>ConnectionStrings:reviewsdb</c>.</summary>
    public static IServiceCollection AddReviewsData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("reviewsdb")
            ?? throw new InvalidOperationException("ConnectionStrings:reviewsdb is not configured.");
        services.AddDbContext<ReviewsDbContext>(options => options.UseReviewsDatabase(connectionString));
        return services;
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
