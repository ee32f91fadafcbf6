using Documents.Api.Application.Files;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Profiles = Documents.Api.Application.CountryProfiles.CountryProfiles;

namespace Documents.Api.Grpc;

/// <summary>reviewmechanism.documents.v1.CountryProfilesService: the published outputs, for anyone (para 41).</summary>
[AllowAnonymous]
public sealed class CountryProfilesGrpcService(Profiles profiles, FileTransfers files) : CountryProfilesService.CountryProfilesServiceBase
{
    public override async Task<ListCountryProfilesResponse> ListCountryProfiles(ListCountryProfilesRequest request, ServerCallContext context)
    {
        var response = new ListCountryProfilesResponse();
        response.Profiles.AddRange((await profiles.ListAsync(context.CancellationToken)).Select(p => new CountryProfileSummary
        {
            Party = p.Party,
            PublishedDocuments = p.PublishedDocuments,
            LastPublishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(p.LastPublishedAt),
        }));
        return response;
    }

    public override async Task<CountryProfile> GetCountryProfile(GetCountryProfileRequest request, ServerCallContext context)
    {
        var profile = await profiles.GetAsync(request.Party, context.CancellationToken);
        var response = new CountryProfile { Party = profile.Party };
        response.Documents.AddRange(profile.Documents.Select(DocumentMapping.ToProto));
        return response;
    }

    public override async Task<PublishedDocument> GetPublishedDocument(GetPublishedDocumentRequest request, ServerCallContext context)
    {
        var published = await profiles.GetDocumentAsync(ContentMapping.Id(request.DocumentId, "document_id"), context.CancellationToken);
        return new PublishedDocument { Info = DocumentMapping.ToProto(published.Info), Content = ContentMapping.ToProto(published.Content) };
    }

    public override Task DownloadPublishedFile(DownloadFileRequest request, IServerStreamWriter<DownloadFileResponse> responseStream, ServerCallContext context) =>
        FileStreaming.SendAsync(files, Caller.Anonymous, ContentMapping.Id(request.FileId, "file_id"), publicOnly: true, responseStream, context.CancellationToken);

    public override async Task<SearchPublishedResponse> SearchPublished(SearchPublishedRequest request, ServerCallContext context)
    {
        var results = await profiles.SearchAsync(request.Query, request.Party, request.Language, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new SearchPublishedResponse { NextPageToken = results.NextPageToken };
        response.Hits.AddRange(results.Hits.Select(h => new SearchHit { Document = DocumentMapping.ToProto(h.Document), Snippet = h.Snippet, Rank = h.Rank }));
        return response;
    }
}
