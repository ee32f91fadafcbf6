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
        // Warm-up rounds are not counted: the runtime compiles the hot paths again (tiered JIT) in the first seconds,
        // and on a loaded machine that went on for several 100 MiB rounds (half the service's samples in round 2, an eighth in round 4).
        var warmup = Arguments.Int(args, "--warmup", 4);
        var pid = Arguments.Int(args, "--service-pid", 0);
        var gatewayPid = Arguments.Int(args, "--gateway-pid", 0);
        var paths = new Dictionary<string, string> { ["direct"] = Arguments.Get(args, "--direct"), ["gateway"] = Arguments.Get(args, "--gateway") };
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        Chunk = Arguments.Int(args, "--chunk-kib", 1024) * 1024;
        var size = (long)sizeMib * MiB;
        var sha = Sha(size, seed: 7);
        var results = paths.Keys.ToDictionary(p => p, _ => new List<(Transfer Up, Transfer Down)>());

        using var setup = GrpcChannel.ForAddress(paths["direct"]);
        var document = await new DocumentsService.DocumentsServiceClient(setup).CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString(), CountryReviewId = Arguments.Get(args, "--review"), Kind = DocumentKind.SupportingFile, Language = "en",
            Content = new DocumentContent { Title = "Benchmark file" },
        }, headers);

        for (var round = 1 - warmup; round <= rounds; round++)
        {
            foreach (var (name, address) in paths)
            {
                using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 4 * MiB, HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
                var client = new DocumentsService.DocumentsServiceClient(channel);
                GC.Collect();
                await Task.Delay(1000);
                var idle = pid > 0 ? MemorySampler.Rss(pid) : 0;
                var sampler = pid > 0 ? new MemorySampler(pid) : null;
                var before = CpuClock.Snapshot(pid, gatewayPid);
                var upStart = Stopwatch.GetTimestamp();
                var (upSeconds, fileId) = await UploadAsync(client, headers, document.Id, size, sha);
                var between = CpuClock.Snapshot(pid, gatewayPid);
                var downStart = Stopwatch.GetTimestamp();
                var downSeconds = await DownloadAsync(client, headers, fileId, size, sha);
                var after = CpuClock.Snapshot(pid, gatewayPid);
                // CLOCK_MONOTONIC nanoseconds (Stopwatch's clock on Linux), to cut a `perf record -k CLOCK_MONOTONIC` profile by transfer.
                Console.Error.WriteLine($"[documents-bench] span {name} upload {upStart} {downStart}");
                Console.Error.WriteLine($"[documents-bench] span {name} download {downStart} {Stopwatch.GetTimestamp()}");
                if (sampler is not null)
                {
                    await sampler.DisposeAsync();
                }
                var peakAbove = (sampler?.Peak ?? 0) - idle;
                var up = Transfer.From(size, upSeconds, before, between, peakAbove);
                var down = Transfer.From(size, downSeconds, between, after, peakAbove);
                var line = $"up {up.MbPerSecond:F0} MB/s (CPU-s/GB service {up.ServiceCpuPerGb:F2}, gateway {up.GatewayCpuPerGb:F2}, client {up.ClientCpuPerGb:F2}), "
                    + $"down {down.MbPerSecond:F0} MB/s (service {down.ServiceCpuPerGb:F2}, gateway {down.GatewayCpuPerGb:F2}, client {down.ClientCpuPerGb:F2})";
                if (round <= 0)
                {
                    Console.Error.WriteLine($"[documents-bench] warm-up {name}: {line}");
                    continue;
                }
                results[name].Add((up, down));
                Console.Error.WriteLine($"[documents-bench] round {round} {name}: {line}, service peak {Mb(peakAbove)} MB above idle ({Mb(idle)} MB)");
            }
        }
        await File.WriteAllTextAsync(Arguments.Get(args, "--results"), Report(results, sizeMib, rounds, warmup));
        return 0;
    }

    private static async Task<(double Seconds, string FileId)> UploadAsync(DocumentsService.DocumentsServiceClient client, Metadata headers, string document, long size, string sha)
    {
        var watch = Stopwatch.StartNew();
        using var call = client.UploadFile(headers);
        await call.RequestStream.WriteAsync(new UploadFileRequest { Metadata = new UploadFileMetadata { DocumentId = document, FileName = "bench.pdf", Category = FileCategory.Law, Sha256 = sha, Size = size } });
        var buffer = new byte[Chunk];
        for (long sent = 0; sent < size; sent += Chunk)
        {
            Fill(7, buffer, sent);
            await call.RequestStream.WriteAsync(new UploadFileRequest { Chunk = UnsafeByteOperations.UnsafeWrap(buffer) });
        }
        await call.RequestStream.CompleteAsync();
        var stored = await call;
        watch.Stop();
        if (stored.Sha256 != sha || stored.Size != size)
        {
            throw new InvalidOperationException($"The service stored {stored.Size} bytes with SHA-256 {stored.Sha256}, not {size} with {sha}.");
        }
        return (watch.Elapsed.TotalSeconds, stored.Id);
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
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Pseudo-random bytes (xorshift64*, seeded by the seed and the chunk's offset, so any chunk can be made again), the
    /// first chunk starting like a PDF. Cheap on purpose (about 0.1 CPU-s per GB): System.Random's seeded generator
    /// cost the client 5 CPU-s per GB on the core it shares with the gateway.
    /// </summary>
    private static void Fill(int seed, byte[] buffer, long offset)
    {
        var state = ((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)offset * 0xBF58476D1CE4E5B9UL) | 1;
        foreach (ref var word in System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(buffer.AsSpan()))
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            word = state * 0x2545F4914F6CDD1DUL;
        }
        if (offset == 0)
        {
            "%PDF-1.7\n"u8.CopyTo(buffer);
        }
    }

    private static string Sha(long size, int seed)
    {
        var buffer = new byte[Chunk];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long offset = 0; offset < size; offset += Chunk)
        {
            Fill(seed, buffer, offset);
            hash.AppendData(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Report(Dictionary<string, List<(Transfer Up, Transfer Down)>> results, int sizeMib, int rounds, int warmup)
    {
        static double Median(IEnumerable<double> xs)
        {
            var sorted = xs.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Documents streaming benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"One {sizeMib} MiB file uploaded (client streaming, {Chunk / 1024} KiB chunks) and downloaded (server streaming), {rounds} rounds after {warmup} warm-up rounds, paths interleaved; medians. Load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}.");
        text.AppendLine();
        text.AppendLine("| path | upload MB/s | download MB/s | service peak RSS above idle (MB, max) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (name, runs) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(runs.Select(r => r.Up.MbPerSecond)):F0} | {Median(runs.Select(r => r.Down.MbPerSecond)):F0} | {Mb(runs.Select(r => r.Up.PeakAbove).DefaultIfEmpty().Max())} |");
        }
        if (results.TryGetValue("direct", out var direct) && results.TryGetValue("gateway", out var gateway) && direct.Count > 0 && gateway.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Gateway / direct: upload {Median(gateway.Select(r => r.Up.MbPerSecond)) / Median(direct.Select(r => r.Up.MbPerSecond)):F2}x, download {Median(gateway.Select(r => r.Down.MbPerSecond)) / Median(direct.Select(r => r.Down.MbPerSecond)):F2}x. Targets (issue 11): >= 150 MB/s through the gateway both ways; <= 64 MB above idle.");
        }
        text.AppendLine();
        text.AppendLine("CPU seconds per GB (10^9 bytes) moved, from /proc/PID/stat (user + system) around each transfer; medians:");
        text.AppendLine();
        text.AppendLine("| path | direction | service | gateway | client |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (name, runs) in results)
        {
            foreach (var (direction, pick) in new (string, Func<(Transfer Up, Transfer Down), Transfer>)[] { ("upload", r => r.Up), ("download", r => r.Down) })
            {
                var transfers = runs.Select(pick).ToList();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {direction} | {Median(transfers.Select(t => t.ServiceCpuPerGb)):F2} | {Median(transfers.Select(t => t.GatewayCpuPerGb)):F2} | {Median(transfers.Select(t => t.ClientCpuPerGb)):F2} |");
            }
        }
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture);
}
