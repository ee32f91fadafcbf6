using System.Net;
using Documents.Api.Application.Documents;
using Documents.Api.Domain.Documents;
using Documents.Tests.Support;
using ReviewMechanism.Events.V1;

namespace Documents.Tests.Application;

/// <summary>The public country-profile web page, served by the real service on Kestrel, read without signing in.</summary>
[Collection(PostgresCollection.Name)]
public class CountryProfilePageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AVisitorListsSearchesReadsAndDownloadsWhatAPartyPublishedAndNothingElse()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, supporting) = await FileTransferTests.DraftAsync(h);
        var focalPoint = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        var law = SampleFiles.Pdf(700_000);
        var lawFile = await FileTransferTests.Upload(h, expert, supporting, "Strafgesetzbuch.pdf", law);
        var draftOnly = await FileTransferTests.Upload(h, expert, supporting, "draft-note.pdf", SampleFiles.Pdf(1000));
        var view = await h.Commands(c => c.SaveDraftAsync(expert, supporting, 1, DocumentContent.Empty with { Title = "Austrian Criminal Code (Strafgesetzbuch)", Body = "Provisions on criminal organizations and money laundering.", FileIds = [lawFile.Id] }, "", default));
        view = await h.Commands(c => c.SubmitAsync(expert, supporting, view.Document.Revision, default));
        view = await h.Commands(c => c.ClearAsync(focalPoint, supporting, view.Document.Revision, default));
        view = await h.Commands(c => c.TransmitAsync(focalPoint, supporting, view.Document.Revision, default));
        await h.MoveReviewAsync("AUT-C1", "COMPLETED");
        await h.Commands(c => c.PublishAsync(focalPoint, supporting, default));

        await using var service = await DocumentsServiceHost.StartAsync(h.ConnectionString, h.DataDirectory);
        using var http = new HttpClient { BaseAddress = service.Address };

        var index = await http.GetStringAsync("/country-profiles");
        var search = await http.GetStringAsync("/country-profiles?q=laundered+money");
        var document = await http.GetStringAsync($"/country-profiles/documents/{supporting}");
        var download = await http.GetAsync($"/country-profiles/files/{lawFile.Id}");
        var hidden = await http.GetAsync($"/country-profiles/files/{draftOnly.Id}");

        Assert.Contains("href=\"/country-profiles/AUT\"", index, StringComparison.Ordinal);
        var results = search[search.IndexOf("<main>", StringComparison.Ordinal)..];
        Assert.True(results.Contains("<mark>laundering</mark>", StringComparison.Ordinal), results);
        Assert.Contains("Provisions on criminal organizations", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleFiles.Sha256(law), SampleFiles.Sha256(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/country-profiles/documents/{Guid.NewGuid()}")).StatusCode);
    }
}
