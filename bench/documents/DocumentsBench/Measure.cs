using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.Documents.V1;

namespace DocumentsBench;

/// <summary>
/// Uploads and downloads one file of SIZE MiB straight to the service and through the gateway, paths interleaved,
/// ROUNDS times; the content is generated chunk by chunk from a seed (never whole in memory here either) and its
/// SHA-256 checked both ways. Reports MB/s (medians) and the service's peak resident memory above its idle level.
/// </summary>
internal static class Measure
{
    private const int MiB = 1024 * 1024;

    /// <summary>The upload's chunk size (<c>--chunk-kib</c>, default 1024: the largest the contract allows).</summary>
    private static int Chunk = MiB;

    public static async Task<int> RunAsync(string[] args)
    {
        var token = (await File.ReadAllTextAsync(Arguments.Get(args, "--token-file"))).Trim();
        var sizeMib = Arguments.Int(args, "--size-mib", 100);
        var rounds = Arguments.Int(args, "--rounds", 3);
        var pid = Arguments.Int(args, "--service-pid", 0);
        var paths = new Dictionary<string, string> { ["direct"] = Arguments.Get(args, "--direct"), ["gateway"] = Arguments.Get(args, "--gateway") };
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        Chunk = Arguments.Int(args, "--chunk-kib", 1024) * 1024;
        var size = (long)sizeMib * MiB;
        var sha = Sha(size, seed: 7);
        var results = paths.Keys.ToDictionary(p => p, _ => new List<(double Up, double Down, long PeakAbove)>());

        using var setup = GrpcChannel.ForAddress(paths["direct"]);
        var document = await new DocumentsService.DocumentsServiceClient(setup).CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString(), CountryReviewId = Arguments.Get(args, "--review"), Kind = DocumentKind.SupportingFile, Language = "en",
            Content = new DocumentContent { Title = "Benchmark file" },
        }, headers);

        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, address) in paths)
            {
                using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 4 * MiB, HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
                var client = new DocumentsService.DocumentsServiceClient(channel);
                GC.Collect();
                await Task.Delay(1000);
                var idle = pid > 0 ? MemorySampler.Rss(pid) : 0;
                var sampler = pid > 0 ? new MemorySampler(pid) : null;
                var (up, fileId) = await UploadAsync(client, headers, document.Id, size, sha);
                var down = await DownloadAsync(client, headers, fileId, size, sha);
                if (sampler is not null)
                {
                    await sampler.DisposeAsync();
                }
                var peak = sampler?.Peak ?? 0;
                if (round == 0)
                {
                    Console.Error.WriteLine($"[documents-bench] warm-up {name}: up {up:F0} MB/s, down {down:F0} MB/s");
                    continue;
                }
                results[name].Add((up, down, peak - idle));
                Console.Error.WriteLine($"[documents-bench] round {round} {name}: up {up:F0} MB/s, down {down:F0} MB/s, service peak {Mb(peak - idle)} MB above idle ({Mb(idle)} MB)");
            }
        }
        await File.WriteAllTextAsync(Arguments.Get(args, "--results"), Report(results, sizeMib, rounds));
        return 0;
    }

    private static async Task<(double MbPerSecond, string FileId)> UploadAsync(DocumentsService.DocumentsServiceClient client, Metadata headers, string document, long size, string sha)
    {
        var watch = Stopwatch.StartNew();
        using var call = client.UploadFile(headers);
        await call.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = document, FileName = "bench.pdf", Category = FileCategory.Law, Sha256 = sha, Size = size } });
        var random = new Random(7);
        var buffer = new byte[Chunk];
        for (long sent = 0; sent < size; sent += Chunk)
        {
            Fill(random, buffer, sent);
            await call.RequestStream.WriteAsync(new UploadFileRequest { Chunk = UnsafeByteOperations.UnsafeWrap(buffer) });
        }
        await call.RequestStream.CompleteAsync();
        var stored = await call;
        watch.Stop();
        if (stored.Sha256 != sha || stored.Size != size)
        {
            throw new InvalidOperationException($"The service stored {stored.Size} bytes with SHA-256 {stored.Sha256}, not {size} with {sha}.");
        }
        return (size / 1e6 / watch.Elapsed.TotalSeconds, stored.Id);
    }

    private static async Task<double> DownloadAsync(DocumentsService.DocumentsServiceClient client, Metadata headers, string fileId, long size, string sha)
    {
        var watch = Stopwatch.StartNew();
        using var call = client.DownloadFile(new DownloadFileRequest { FileId = fileId }, headers);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        await foreach (var part in call.ResponseStream.ReadAllAsync())
        {
            if (part.PartCase == DownloadFileResponse.PartOneofCase.Chunk)
            {
                hash.AppendData(part.Chunk.Span);
                received += part.Chunk.Length;
            }
        }
        watch.Stop();
        var got = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (received != size || got != sha)
        {
            throw new InvalidOperationException($"Downloaded {received} bytes with SHA-256 {got}, not {size} with {sha}.");
        }
        return size / 1e6 / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Random bytes from a seeded generator, the first chunk starting like a PDF.</summary>
    private static void Fill(Random random, byte[] buffer, long offset)
    {
        random.NextBytes(buffer);
        if (offset == 0)
        {
            "%PDF-1.7\n"u8.CopyTo(buffer);
        }
    }

    private static string Sha(long size, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[Chunk];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long offset = 0; offset < size; offset += Chunk)
        {
            Fill(random, buffer, offset);
            hash.AppendData(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Report(Dictionary<string, List<(double Up, double Down, long PeakAbove)>> results, int sizeMib, int rounds)
    {
        double Median(IEnumerable<double> xs)
        {
            var sorted = xs.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Documents streaming benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"One {sizeMib} MiB file uploaded (client streaming, {Chunk / 1024} KiB chunks) and downloaded (server streaming), {rounds} rounds after one warm-up, paths interleaved; medians. Load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}.");
        text.AppendLine();
        text.AppendLine("| path | upload MB/s | download MB/s | service peak RSS above idle (MB, max) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (name, runs) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(runs.Select(r => r.Up)):F0} | {Median(runs.Select(r => r.Down)):F0} | {Mb(runs.Select(r => r.PeakAbove).DefaultIfEmpty().Max())} |");
        }
        if (results.TryGetValue("direct", out var direct) && results.TryGetValue("gateway", out var gateway) && direct.Count > 0 && gateway.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Gateway / direct: upload {Median(gateway.Select(r => r.Up)) / Median(direct.Select(r => r.Up)):F2}x, download {Median(gateway.Select(r => r.Down)) / Median(direct.Select(r => r.Down)):F2}x. Targets (issue 11): >= 150 MB/s through the gateway both ways; <= 64 MB above idle.");
        }
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture);
}
