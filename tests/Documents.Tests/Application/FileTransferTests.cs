using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Application;
using Documents.Api.Application.Documents;
using Documents.Api.Application.Files;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;
using Documents.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Tests.Application;

[Collection(PostgresCollection.Name)]
public class FileTransferTests(PostgresFixture postgres)
{
    [Fact]
    public async Task APdfIsStoredByItsChecksumAndComesBackIdentical()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);
        var bytes = SampleFiles.Pdf(3 * 1024 * 1024 + 17);

        var stored = await Upload(h, expert, document, "Strafgesetzbuch.pdf", bytes);
        var downloaded = await DownloadAsync(h, expert, stored.Id);

        Assert.Equal(FileTypes.Pdf, stored.MediaType);
        Assert.Equal(bytes.Length, stored.Size);
        Assert.Equal(SampleFiles.Sha256(bytes), stored.Sha256);
        Assert.Equal(SampleFiles.Sha256(bytes), SampleFiles.Sha256(downloaded));
        var sha = stored.Sha256;
        Assert.True(File.Exists(Path.Combine(h.DataDirectory, "blobs", sha[..2], sha[2..4], sha)));
    }

    [Fact]
    public async Task ADocxIsRecognizedByItsContentWhateverItsName()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);

        var stored = await Upload(h, expert, document, "judgment.pdf", SampleFiles.Docx());

        Assert.Equal(FileTypes.Docx, stored.MediaType);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("zip")]
    public async Task AFileThatIsNeitherPdfNorDocxIsRefusedAndNothingIsStored(string kind)
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);
        var bytes = kind == "png" ? SampleFiles.Png() : SampleFiles.Zip(("xl/workbook.xml", "<workbook/>"), ("[Content_Types].xml", "<Types/>"));

        var error = await Assert.ThrowsAsync<DomainException>(() => Upload(h, expert, document, "law.pdf", bytes));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("PDF or DOCX", error.Message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(h);
    }

    [Fact]
    public async Task AFileOverTheCapIsRefusedWhileItArrivesAndNothingIsStored()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres, o => o.MaxFileSize = 1024 * 1024);
        var (expert, document) = await DraftAsync(h);
        var bytes = SampleFiles.Pdf(1024 * 1024 + 1);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.RunAsync<FileTransfers, StoredFile>(f =>
            f.UploadAsync(expert, new UploadRequest(document, "big.pdf", FileCategory.Law, SampleFiles.Sha256(bytes), 0), SampleFiles.Chunks(bytes), default)));
        var declared = await Assert.ThrowsAsync<DomainException>(() => h.RunAsync<FileTransfers, StoredFile>(f =>
            f.UploadAsync(expert, new UploadRequest(document, "big.pdf", FileCategory.Law, SampleFiles.Sha256(bytes), bytes.Length), SampleFiles.Chunks(bytes, failAfterChunks: 0), default)));

        Assert.Contains("larger than the 1 MB", error.Message, StringComparison.Ordinal);
        Assert.Equal("metadata.size", declared.Violations.Single().Field);
        await AssertNothingStoredAsync(h);
    }

    [Fact]
    public async Task AnInterruptedUploadLeavesNothingHalfStored()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);
        var bytes = SampleFiles.Pdf(2 * 1024 * 1024);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.RunAsync<FileTransfers, StoredFile>(f =>
            f.UploadAsync(expert, new UploadRequest(document, "cut.pdf", FileCategory.Law, SampleFiles.Sha256(bytes), 0), SampleFiles.Chunks(bytes, failAfterChunks: 10), default)));

        await AssertNothingStoredAsync(h);
    }

    [Fact]
    public async Task AChecksumThatDoesNotMatchIsRefusedAndNothingIsStored()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);
        var bytes = SampleFiles.Pdf(100_000);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.RunAsync<FileTransfers, StoredFile>(f =>
            f.UploadAsync(expert, new UploadRequest(document, "law.pdf", FileCategory.Law, SampleFiles.Sha256(SampleFiles.Pdf(10)), 0), SampleFiles.Chunks(bytes), default)));

        Assert.Equal("metadata.sha256", error.Violations.Single().Field);
        await AssertNothingStoredAsync(h);
    }

    [Fact]
    public async Task ReviewersDownloadAFileOnlyOnceAVersionIncludingItIsTransmitted()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);
        var focalPoint = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        var reviewer = await h.NominateAsync("e-deu", "DEU", NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer);
        var stored = await Upload(h, expert, document, "law.pdf", SampleFiles.Pdf(50_000));

        await Assert.ThrowsAsync<DomainException>(() => DownloadAsync(h, reviewer, stored.Id));
        var view = await h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(expert, document, 0, default));
        view = await h.Commands(c => c.SaveDraftAsync(expert, document, view.Document.Revision, DocumentContent.Empty with { Title = "Criminal Code", FileIds = [stored.Id] }, "the law", default));
        view = await h.Commands(c => c.SubmitAsync(expert, document, view.Document.Revision, default));
        view = await h.Commands(c => c.ClearAsync(focalPoint, document, view.Document.Revision, default));
        await h.Commands(c => c.TransmitAsync(focalPoint, document, view.Document.Revision, default));

        Assert.Equal(50_000, (await DownloadAsync(h, reviewer, stored.Id)).Length);
    }

    [Fact]
    public async Task AFileDamagedOnDiskIsNotServedAsIfItWereIntact()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (expert, document) = await DraftAsync(h);
        var stored = await Upload(h, expert, document, "law.pdf", SampleFiles.Pdf(300_000));
        var path = Path.Combine(h.DataDirectory, "blobs", stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256);
        var damaged = await File.ReadAllBytesAsync(path);
        damaged[200_000] ^= 0xFF;
        await File.WriteAllBytesAsync(path, damaged);

        await Assert.ThrowsAsync<BlobCorruptedException>(() => DownloadAsync(h, expert, stored.Id));
    }

    internal static async Task<(Caller Expert, Guid Document)> DraftAsync(DocumentsHarness h)
    {
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var expert = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var view = await h.Commands(c => c.CreateAsync(expert, new CreateDocument("", "AUT-C1", DocumentKind.SupportingFile, "", "en", null, null, DocumentContent.Empty with { Title = "Criminal Code" }), default));
        return (expert, view.Document.Id);
    }

    internal static Task<StoredFile> Upload(DocumentsHarness h, Caller caller, Guid document, string name, byte[] bytes) =>
        h.RunAsync<FileTransfers, StoredFile>(f => f.UploadAsync(caller, new UploadRequest(document, name, FileCategory.Law, SampleFiles.Sha256(bytes), bytes.Length), SampleFiles.Chunks(bytes), default));

    internal static Task<byte[]> DownloadAsync(DocumentsHarness h, Caller caller, Guid fileId) => h.RunAsync<FileTransfers, byte[]>(async f =>
    {
        var (_, content) = await f.DownloadAsync(caller, fileId, publicOnly: false, default);
        using var memory = new MemoryStream();
        await foreach (var chunk in content)
        {
            memory.Write(chunk.Span);
        }
        return memory.ToArray();
    });

    private static async Task AssertNothingStoredAsync(DocumentsHarness h)
    {
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(h.DataDirectory, "incoming")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(h.DataDirectory, "blobs"), "*", SearchOption.AllDirectories));
        Assert.Equal(0, await h.DbAsync(db => db.Files.CountAsync()));
    }
}
