using Documents.Api.Application.Files;
using Documents.Api.Grpc;
using ReviewMechanism.ServiceDefaults.Authorization;
using Microsoft.Net.Http.Headers;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Extensions;

public static class DocumentsEndpointExtensions
{
    /// <summary>The gRPC services, the public country-profile pages (<c>/country-profiles</c>) and their file downloads.</summary>
    public static WebApplication MapDocumentsEndpoints(this WebApplication app)
    {
        app.MapGrpcService<DocumentsGrpcService>();
        app.MapGrpcService<CountryProfilesGrpcService>();
        app.MapRazorPages();
        app.MapGet("/country-profiles/files/{id:guid}", DownloadPublishedFileAsync).AllowAnonymous();
        return app;
    }

    /// <summary>A file of a published document, streamed (never whole in memory) with its checksum in a header.</summary>
    private static async Task DownloadPublishedFileAsync(Guid id, FileTransfers files, HttpContext http, CancellationToken ct)
    {
        try
        {
            var (file, content) = await files.DownloadAsync(Caller.Anonymous, id, publicOnly: true, ct);
            http.Response.ContentType = file.MediaType;
            http.Response.ContentLength = file.Size;
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName }.ToString();
            http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
            await foreach (var chunk in content.WithCancellation(ct))
            {
                await http.Response.Body.WriteAsync(chunk, ct);
            }
        }
        catch (DomainException error) when (error.Kind == DomainErrorKind.NotFound)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
