using System.Globalization;
using System.Security.Cryptography;
using Documents.Tests.Support;
using Documents.Tests.Support.Edge;
using Gateway.Tests.Infrastructure;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.Events.V1;
using Xunit.Abstractions;

namespace Documents.Tests.Edge;

/// <summary>
/// Files streamed through the real gateway (its documents route and limits, real access tokens) to the Documents
/// service running as its own process, whose resident memory is read from /proc while the bytes pass.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FilesThroughGatewayTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private const long MemoryBudget = 64L * 1000 * 1000;

    private DocumentsHarness _h = null!;
    private TestIssuer _issuer = null!;

    public async Task InitializeAsync()
    {
        _h = await DocumentsHarness.CreateAsync(postgres);
        _issuer = await TestIssuer.StartAsync();
        await _h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        await _h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task A100MiBFileGoesUpAndDownThroughTheGatewayWithItsChecksumWhileTheServiceStaysWithin64MBAboveIdle()
    {
        await using var service = await ServiceProcess.DocumentsAsync(_h.ConnectionString, _h.DataDirectory, _issuer);
        await using var gateway = StartGateway(service);
        using var channel = Channel(gateway);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var expert = _issuer.Person("e1-aut", "GovernmentalExpert", "AUT");
        var document = await SupportingFileAsync(client, expert);
        var file = new SeededPdf(100L * MiB, seed: 11);
        var warmUp = await UploadAsync(client, expert, document, new SeededPdf(MiB, seed: 3));
        await DownloadAsync(client, expert, warmUp.Id);
        await Task.Delay(1000);
        var idle = service.ResidentBytes();

        var memory = new ResidentMemoryPeak(service.ResidentBytes);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        StoredFile stored;
        TimeSpan uploaded;
        (long Size, string Sha256) downloaded;
        try
        {
            stored = await UploadAsync(client, expert, document, file);
            uploaded = watch.Elapsed;
            downloaded = await DownloadAsync(client, expert, stored.Id);
        }
        finally
        {
            await memory.DisposeAsync();
        }
        var above = memory.Peak - idle;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"100 MiB through the gateway: up {file.Size / 1e6 / uploaded.TotalSeconds:F0} MB/s, down {file.Size / 1e6 / (watch.Elapsed - uploaded).TotalSeconds:F0} MB/s; service RSS idle {idle / 1e6:F0} MB, peak {memory.Peak / 1e6:F0} MB ({above / 1e6:F1} MB above idle); load average {File.ReadAllText("/proc/loadavg").Trim()}"));

        Assert.True(above <= MemoryBudget, $"the service's resident memory rose {above / 1e6:F1} MB above idle while 100 MiB streamed (budget 64 MB)");
        Assert.Equal((file.Sha256, file.Size, "application/pdf"), (stored.Sha256, stored.Size, stored.MediaType));
        Assert.Equal((file.Size, file.Sha256), downloaded);
        Assert.True(File.Exists(Path.Combine(_h.DataDirectory, "blobs", file.Sha256[..2], file.Sha256[2..4], file.Sha256)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_h.DataDirectory, "incoming")));
    }

    [Fact]
    public async Task AnUploadInterruptedBehindTheGatewayLeavesNothingHalfStored()
    {
        await using var service = await ServiceProcess.DocumentsAsync(_h.ConnectionString, _h.DataDirectory, _issuer);
        await using var gateway = StartGateway(service);
        using var channel = Channel(gateway);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var expert = _issuer.Person("e1-aut", "GovernmentalExpert", "AUT");
        var document = await SupportingFileAsync(client, expert);
        var file = new SeededPdf(16L * MiB, seed: 5);
        using var cancel = new CancellationTokenSource();

        var upload = client.UploadFile(expert, cancellationToken: cancel.Token);
        await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = Metadata(document, file) });
        foreach (var chunk in file.Chunks().Take(6))
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(chunk.Span) });
        }
        var arrived = await EventuallyAsync(() => IncomingBytes() > 0, TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();
        upload.Dispose();

        Assert.True(arrived, "no byte of the upload reached the service's incoming folder");
        Assert.True(await EventuallyAsync(() => IncomingBytes() == 0 && !Directory.EnumerateFiles(Path.Combine(_h.DataDirectory, "incoming")).Any(), TimeSpan.FromSeconds(30)),
            "the interrupted upload is still in the incoming folder");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_h.DataDirectory, "blobs"), "*", SearchOption.AllDirectories));
        var after = await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = document }, expert);
        Assert.Empty(after.Files);
    }

    [Fact]
    public async Task AWrongTypeAndAnOversizeFileAreRefusedThroughTheGatewayWithStatusesThatSayWhy()
    {
        await using var service = await ServiceProcess.DocumentsAsync(_h.ConnectionString, _h.DataDirectory, _issuer);
        await using var gateway = StartGateway(service);
        using var channel = Channel(gateway);
        var client = new DocumentsService.DocumentsServiceClient(channel);
        var expert = _issuer.Person("e1-aut", "GovernmentalExpert", "AUT");
        var document = await SupportingFileAsync(client, expert);

        var png = await Assert.ThrowsAsync<RpcException>(() => UploadBytesAsync(client, expert, document, SampleFiles.Png()));
        var declaredTooBig = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(client, expert, document, new SeededPdf(MiB, seed: 9), declaredSize: 101L * MiB));
        var tooBig = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(client, expert, document, new SeededPdf(101L * MiB, seed: 13), declaredSize: 0));

        Assert.Equal(StatusCode.InvalidArgument, png.StatusCode);
        Assert.Contains("PDF or DOCX", png.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("chunk", png.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(StatusCode.InvalidArgument, declaredTooBig.StatusCode);
        Assert.Equal("metadata.size", declaredTooBig.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(StatusCode.InvalidArgument, tooBig.StatusCode);
        Assert.Contains("larger than the 100 MB", tooBig.Status.Detail, StringComparison.Ordinal);
        Assert.True(await EventuallyAsync(() => !Directory.EnumerateFiles(_h.DataDirectory, "*", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(30)),
            "a refused file left bytes in the data folder");
        var after = await client.GetDocumentAsync(new GetDocumentRequest { DocumentId = document }, expert);
        Assert.Empty(after.Files);
    }

    private GatewayHost StartGateway(ServiceProcess service) =>
        GatewayHost.Start(_issuer, DocumentsBehindGateway.Routes(service.GrpcAddress, service.Address), output, "gateway");

    private static GrpcChannel Channel(GatewayHost gateway) =>
        GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 4 * MiB });

    private static async Task<string> SupportingFileAsync(DocumentsService.DocumentsServiceClient client, Metadata person) =>
        (await client.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString(), CountryReviewId = "AUT-C1", Kind = DocumentKind.SupportingFile, Language = "en",
            Content = new DocumentContent { Title = "Criminal Code" },
        }, person)).Id;

    private static UploadFileMetadata Metadata(string document, SeededPdf file, long? declaredSize = null) =>
        new() { DocumentId = document, FileName = "Criminal Code.pdf", Category = FileCategory.Law, Sha256 = file.Sha256, Size = declaredSize ?? file.Size };

    private static async Task<StoredFile> UploadAsync(DocumentsService.DocumentsServiceClient client, Metadata person, string document, SeededPdf file, long? declaredSize = null)
    {
        using var upload = client.UploadFile(person);
        try
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = Metadata(document, file, declaredSize) });
            foreach (var chunk in file.Chunks())
            {
                await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(chunk.Span) });
            }
            await upload.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service refused while the bytes were on their way; its status comes with the response.
        }
        return await upload;
    }

    private static async Task<StoredFile> UploadBytesAsync(DocumentsService.DocumentsServiceClient client, Metadata person, string document, byte[] bytes)
    {
        using var upload = client.UploadFile(person);
        await upload.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = document, FileName = "scan.pdf", Sha256 = SampleFiles.Sha256(bytes) } });
        try
        {
            await upload.RequestStream.WriteAsync(new UploadFileRequest { Chunk = ByteString.CopyFrom(bytes) });
            await upload.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // Refused mid-stream; the status comes with the response.
        }
        return await upload;
    }

    private static async Task<(long Size, string Sha256)> DownloadAsync(DocumentsService.DocumentsServiceClient client, Metadata person, string fileId)
    {
        using var download = client.DownloadFile(new DownloadFileRequest { FileId = fileId }, person);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        await foreach (var part in download.ResponseStream.ReadAllAsync())
        {
            if (part.PartCase == DownloadFileResponse.PartOneofCase.Chunk)
            {
                hash.AppendData(part.Chunk.Span);
                received += part.Chunk.Length;
            }
        }
        return (received, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private long IncomingBytes()
    {
        var incoming = Path.Combine(_h.DataDirectory, "incoming");
        return Directory.Exists(incoming) ? Directory.EnumerateFiles(incoming).Sum(f => new FileInfo(f).Length) : 0;
    }

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
