using Documents.Api.Application;
using Documents.Api.Application.Access;
using Documents.Api.Application.CountryProfiles;
using Documents.Api.Application.Documents;
using Documents.Api.Application.Files;

namespace Documents.Api.Extensions;

public static class DocumentsServiceExtensions
{
    /// <summary>
    /// The Documents service: token validation, its database, blob store and questionnaires, the use cases, and
    /// its events (when a broker is configured).
    /// </summary>
    public static IHostApplicationBuilder AddDocumentsService(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.Services.AddOptions<DocumentsOptions>()
            .Bind(builder.Configuration.GetSection(DocumentsOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Documents:DataDirectory is not set (the AppHost passes Documents__DataDirectory).")
            .Validate(o => o.MaxFileSize > 0 && o.DownloadChunkSize is > 0 and <= 4 * 1024 * 1024, "Documents:MaxFileSize and DownloadChunkSize (at most 4 MiB) must be positive.")
            .ValidateOnStart();
        builder.AddDocumentsData();
        builder.Services.AddScoped<DocumentAccess>();
        builder.Services.AddScoped<DocumentReader>();
        builder.Services.AddScoped<DocumentCommands>();
        builder.Services.AddScoped<DocumentQueries>();
        builder.Services.AddScoped<Publication>();
        builder.Services.AddScoped<FileTransfers>();
        builder.Services.AddScoped<PublishedSearch>();
        builder.Services.AddScoped<CountryProfiles>();
        builder.AddDocumentsMessaging();
        builder.Services.AddRazorPages();
        return builder;
    }
}
