using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Gateway.Tests.Infrastructure;

/// <summary>One HTTP/2 frame a client received, as nghttp printed it.</summary>
public sealed record ReceivedFrame(string Type, int Length, bool EndStream);

/// <summary>
/// nghttp (nghttp2-client) as an independent HTTP/2 client that prints every frame it receives: the
/// only way to see whether a reply was one HEADERS frame with END_STREAM (trailers-only) or headers,
/// data and trailing headers.
/// </summary>
public static partial class Nghttp
{
    public static async Task<(IReadOnlyList<ReceivedFrame> Frames, string Output)> PostAsync(Uri address, string path, byte[] body, params string[] headers)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gateway-nghttp-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(file, body);
        try
        {
            var start = new ProcessStartInfo("nghttp") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-v", "-n", "-t", "10", "-d", file })
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var header in headers.Prepend("te: trailers").Prepend("content-type: application/grpc"))
            {
                start.ArgumentList.Add("-H");
                start.ArgumentList.Add(header);
            }
            start.ArgumentList.Add(new Uri(address, path).ToString());
            using var process = Process.Start(start) ?? throw new InvalidOperationException("nghttp did not start (apt-get install nghttp2-client).");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            var output = await stdout + await stderr;
            var frames = FrameLine().Matches(output)
                .Where(m => m.Groups["stream"].Value != "0")
                .Select(m => new ReceivedFrame(m.Groups["type"].Value, int.Parse(m.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    (Convert.ToInt32(m.Groups["flags"].Value, 16) & 0x1) != 0))
                .ToArray();
            return (frames, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"recv (?<type>HEADERS|DATA|RST_STREAM) frame <length=(?<length>\d+), flags=0x(?<flags>[0-9a-f]+), stream_id=(?<stream>\d+)>")]
    private static partial Regex FrameLine();
}
