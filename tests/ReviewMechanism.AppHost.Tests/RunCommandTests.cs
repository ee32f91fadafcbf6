using System.Net;
using ReviewMechanism.AppHost.Tests.Infrastructure;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>The README's run command as a developer runs it: dashboard, listeners, and how it stops.</summary>
public sealed class RunCommandTests
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan Stop = TimeSpan.FromSeconds(90);

    /// <summary>
    /// One run for the whole path (each start of the stack costs a minute or two of the test command's time on two
    /// cores). It stops with Ctrl+C, the README's way. SIGTERM to the AppHost takes the same path inside it: .NET's
    /// console lifetime turns SIGINT and SIGTERM alike into the host's stop, which stops DCP and every resource.
    /// </summary>
    [Fact]
    public async Task TheRunCommandBringsEveryResourceToHealthyPrintsTheLoginLinkKeepsEveryListenerOnLoopbackAndCtrlCLeavesNothing()
    {
        await using var run = AppHostProcess.Start(new TestDataFolder());
        var login = await run.WaitForLoginLinkAsync(Start);
        await run.WaitForAllHealthyAsync(Start);

        // The dashboard asks for the token; the printed link logs in and the page answers.
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            var refused = await anonymous.GetAsync($"http://localhost:{run.DashboardPort}/");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/login", refused.Headers.Location!.ToString());
        }
        using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }))
        {
            var page = await browser.GetAsync(login);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("/", page.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("Aspire", await page.Content.ReadAsStringAsync());
        }

        var started = run.StartedProcesses();
        Assert.True(started.Count >= 15, $"{started.Count} processes");
        var listeners = ListeningSockets.Of(started);
        Assert.Contains(listeners, l => l.Port == run.GatewayHttpPort);
        Assert.True(listeners.Count >= 20, $"only {listeners.Count} listeners: {string.Join(", ", listeners)}");
        Assert.All(listeners, l => Assert.True(IPAddress.IsLoopback(l.Address), $"{l} is not on a loopback address"));

        await run.PressCtrlCAsync();
        if (!await run.WaitForExitAsync(Stop))
        {
            var output = run.Output;
            Assert.Fail($"Ctrl+C did not stop the AppHost within {Stop}; still running:\n{Running(started)}\nthe end of its output:\n{output[^Math.Min(output.Length, 4000)..]}");
        }
        await AssertNothingLeftAsync(started);
    }

    /// <summary>Every process the run started is gone once the AppHost has exited (a moment for the kernel to reap them).</summary>
    private static async Task AssertNothingLeftAsync(IReadOnlyList<int> started)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (started.Any(ProcessTree.IsAlive) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }
        Assert.True(!started.Any(ProcessTree.IsAlive), $"left after the AppHost stopped:\n{Running(started)}");
    }

    private static string Running(IReadOnlyList<int> started) =>
        string.Join("\n", started.Where(ProcessTree.IsAlive).Select(p => $"{p} {ProcessTree.CommandLine(p)}"));
}
