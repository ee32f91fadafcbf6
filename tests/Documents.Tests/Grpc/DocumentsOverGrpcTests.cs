using System.Security.Cryptography;
using Documents.Tests.Support;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.Events.V1;

namespace Documents.Tests.Grpc;

/// <summary>The gRPC API on the real service (Kestrel, cleartext HTTP/2), called with Grpc.Net.Client.</summary>
[Collection(PostgresCollection.Name)]
public class DocumentsOverGrpcTests(PostgresFixture postgres)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A100MiBFileIsStreamedToDiskWhileItArrivesAndComesBackWithItsChecksumIntact()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await using var service = await StartAsync(h);
        using var channel = Channel(service);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var expert = await ExpertWithSupportingFileAsync(h, client);
        var bytes = SampleFiles.Pdf(100 * MiB);
        var sha = SampleFiles.Sha256(bytes);

        using var upload = client.UploadFile(expert.Headers);
        await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = expert.Document, FileName = "Criminal Code.pdf", Category = FileCategory.Law, Sha256 = sha, Size = bytes.Length } });
        for (var offset = 0; offset < 60 * MiB; offset += MiB)
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(bytes, offset, MiB) });
        }
        var onDisk = await EventuallyAsync(() => IncomingBytes(h) >= 40L * MiB, TimeSpan.FromSeconds(60));
        for (var offset = 60 * MiB; offset < bytes.Length; offset += MiB)
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(bytes, offset, MiB) });
        }
        await upload.RequestStream.CompleteAsync();
        var stored = await upload;

        Assert.True(onDisk, "the first 60 MiB did not reach the incoming folder while the call was open");
        Assert.Equal((sha, (long)bytes.Length, "application/pdf"), (stored.Sha256, stored.Size, stored.MediaType));
        using var download = client.DownloadFile(new DownloadFileRequest { FileId = stored.Id }, expert.Headers);
        Assert.True(await download.ResponseStream.MoveNext());
        Assert.Equal(sha, download.ResponseStream.Current.Metadata.Sha256);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        while (await download.ResponseStream.MoveNext())
        {
            hash.AppendData(download.ResponseStream.Current.Chunk.Span);
            received += download.ResponseStream.Current.Chunk.Length;
        }
        Assert.Equal(bytes.Length, received);
        Assert.Equal(sha, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task AnUploadCutOffByTheClientLeavesNothingHalfStored()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await using var service = await StartAsync(h);
        using var channel = Channel(service);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var expert = await ExpertWithSupportingFileAsync(h, client);
        var bytes = SampleFiles.Pdf(8 * MiB);
        using var cancel = new CancellationTokenSource();

        var upload = client.UploadFile(expert.Headers, cancellationToken: cancel.Token);
        await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = expert.Document, FileName = "cut.pdf", Sha256 = SampleFiles.Sha256(bytes) } });
        for (var offset = 0; offset < 4 * MiB; offset += MiB)
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(bytes, offset, MiB) });
        }
        await EventuallyAsync(() => IncomingBytes(h) > 0, TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        upload.Dispose();

        Assert.True(await EventuallyAsync(() => !Directory.EnumerateFiles(Path.Combine(h.DataDirectory, "incoming")).Any(), TimeSpan.FromSeconds(30)), "the partial upload is still in the incoming folder");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(h.DataDirectory, "blobs"), "*", SearchOption.AllDirectories));
        var document = await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = expert.Document }, expert.Headers);
        Assert.Empty(document.Files);
    }

    [Fact]
    public async Task AWrongTypeAndAnOversizeFileAreRefusedWithStatusesThatSayWhy()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await using var service = await StartAsync(h, new Dictionary<string, string?> { ["Documents:MaxFileSize"] = $"{2 * MiB}" });
        using var channel = Channel(service);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var expert = await ExpertWithSupportingFileAsync(h, client);

        var png = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(client, expert, SampleFiles.Png()));
        var big = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(client, expert, SampleFiles.Pdf(3 * MiB)));

        Assert.Equal(StatusCode.InvalidArgument, png.StatusCode);
        Assert.Contains("PDF or DOCX", png.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("chunk", png.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(StatusCode.InvalidArgument, big.StatusCode);
        Assert.Contains("larger than the 2 MB", big.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(h.DataDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task TheApiAnswersWhoMayCallAndStaleWritesWithTheirStatuses()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await using var service = await StartAsync(h);
        using var channel = Channel(service);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var profiles = new CountryProfilesService.CountryProfilesServiceClient(channel);
        var expert = await ExpertWithSupportingFileAsync(h, client);
        var outsider = Headers("e-fra", "GovernmentalExpert", "FRA");

        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = expert.Document }));
        var hidden = await Assert.ThrowsAsync<RpcException>(async () => await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = expert.Document }, outsider));
        var saved = await client.SaveDraftAsync(new SaveDraftRequest { DocumentId = expert.Document, ExpectedRevision = 1, Content = new DocumentContent { Title = "Criminal Code, 2024" } }, expert.Headers);
        var stale = await Assert.ThrowsAsync<RpcException>(async () => await client.SaveDraftAsync(new SaveDraftRequest { DocumentId = expert.Document, ExpectedRevision = 1, Content = new DocumentContent { Title = "stale" } }, expert.Headers));
        var profileList = await profiles.ListCountryProfilesAsync(new ListCountryProfilesRequest());

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(2, saved.Version);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Empty(profileList.Profiles);
        Assert.Equal(["read", "edit", "submit"], saved.AllowedActions);
    }

    internal sealed record Person(string Document, Metadata Headers);

    private static async Task<Person> ExpertWithSupportingFileAsync(DocumentsHarness h, DocumentsService.DocumentsServiceClient client)
    {
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var headers = Headers("e1-aut", "GovernmentalExpert", "AUT");
        var created = await client.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString(), CountryReviewId = "AUT-C1", Kind = DocumentKind.SupportingFile, Language = "en",
            Content = new DocumentContent { Title = "Criminal Code" },
        }, headers);
        return new Person(created.Id, headers);
    }

    private static async Task<StoredFile> UploadAsync(DocumentsService.DocumentsServiceClient client, Person person, byte[] bytes)
    {
        using var upload = client.UploadFile(person.Headers);
        await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = person.Document, FileName = "law.pdf", Sha256 = SampleFiles.Sha256(bytes) } });
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += MiB)
            {
                await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(MiB, bytes.Length - offset)) });
            }
            await upload.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server refused mid-stream; its status comes with the response below.
        }
        return await upload;
    }

    private static Task<DocumentsServiceHost> StartAsync(DocumentsHarness h, IDictionary<string, string?>? settings = null) =>
        DocumentsServiceHost.StartAsync(h.ConnectionString, h.DataDirectory, settings, b =>
            b.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, _ => { }));

    private static GrpcChannel Channel(DocumentsServiceHost service) =>
        GrpcChannel.ForAddress(service.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 4 * MiB });

    private static Metadata Headers(string subject, string role, string party) => new()
    {
        { "x-test-sub", subject },
        { "x-test-roles", role },
        { "x-test-parties", party },
    };

    private static long IncomingBytes(DocumentsHarness h) =>
        Directory.EnumerateFiles(Path.Combine(h.DataDirectory, "incoming")).Sum(f => new FileInfo(f).Length);

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return condition();
    }
}
