using System.Diagnostics;
using System.Text.Json;

namespace Interop.Tests.Infrastructure;

/// <summary>Runs one of the partner clients (grpc-js, grpcio) against the gateway and reads the JSON it prints.</summary>
public static class PartnerClient
{
    public static Task<JsonElement> GrpcJsAsync(Uri gateway, string token) =>
        RunAsync("node", Path.Combine(RepoPaths.Root, "tests", "interop-node"),
            ["product-client.js", $"--address={gateway.Host}:{gateway.Port}", $"--token={token}"]);

    public static Task<JsonElement> GrpcioAsync(Uri gateway, string token) =>
        RunAsync("/usr/bin/python3", Path.Combine(RepoPaths.Root, "tests", "interop-python"),
            ["product_client.py", "--address", $"{gateway.Host}:{gateway.Port}", "--token", token]);

    private static async Task<JsonElement> RunAsync(string program, string folder, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Loopback calls never go through a proxy named in the environment.
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments[..1])} did not finish within 2 minutes: {await errors}");
        }
        var text = (await output).Trim();
        Assert.True(process.ExitCode == 0 && text.Length > 0, $"{program} exited {process.ExitCode}: {await errors}\n{text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
