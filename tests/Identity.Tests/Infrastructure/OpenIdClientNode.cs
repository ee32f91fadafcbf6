using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// Runs tests/oidc-node/client.mjs: a relying party on npm openid-client 6, a standard OpenID Connect client
/// nobody here wrote (installed from the committed package-lock.json by eng/install-test-deps.sh).
/// </summary>
public sealed class OpenIdClientNode(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepoRoot(), "tests", "oidc-node");

    public async Task<JsonElement> RunAsync(string command, object input)
    {
        var (exitCode, stdout, stderr) = await TryRunAsync(command, input);
        Assert.True(exitCode == 0, $"openid-client {command} failed: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    /// <summary>Runs a command that may fail; returns its exit code, output and error text.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> TryRunAsync(string command, object input)
    {
        Assert.True(File.Exists(Path.Combine(Folder, "node_modules", "openid-client", "package.json")),
            $"openid-client is not installed in {Folder}: run eng/install-test-deps.sh.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add("client.mjs");
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(JsonSerializer.Serialize(input));
        // Loopback calls never go through a proxy from the environment.
        foreach (var name in new[] { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NODE_USE_ENV_PROXY" }) start.Environment.Remove(name);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"openid-client {command}: exit {process.ExitCode} {await stderr}");
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mechanism.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (Mechanism.sln) is not above the test's folder.");
    }
}
