using Documents.Api.Data;
using Documents.Api.Data.Blobs;
using Documents.Api.Data.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Documents.Api.Extensions;

public static class DocumentsDataExtensions
{
    public const string DatabaseResource = "documentsdb";

    /// <summary>
    /// EF Core on PostgreSQL from <c>ConnectionStrings:documentsdb</c> (migrations at start, health check), the blob
    /// store under <c>Documents:DataDirectory</c> (half-written uploads of a crash removed at start), and the
    /// clusters' questionnaires read from <c>Data/Questionnaires/cluster-*.json</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentsData(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DocumentsDbContext>(DatabaseResource);
        builder.Services.AddSingleton<ContentAddressedBlobStore>();
        builder.Services.AddHostedService<IncomingSweepHostedService>();
        builder.Services.AddSingleton(_ => QuestionnaireFiles.Load(QuestionnaireFiles.DefaultFolder));
        return builder;
    }

    /// <summary>Npgsql with the settings the hand-written migrations need (no model snapshot: EF's pending-changes check is off).</summary>
    public static TBuilder UseDocumentsDatabase<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }
}
