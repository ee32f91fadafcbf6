using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ReviewMechanism.LocalServers;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// The README's run command (<c>dotnet run --project ReviewMechanism.AppHost</c>, already built) in a terminal of its
/// own (a pty, through script(1)), on free ports instead of the fixed ones, with a throwaway data folder.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _terminal;
    private readonly StringBuilder _output = new();
    private readonly TestDataFolder _data;

    private AppHostProcess(Process terminal, TestDataFolder data, int dashboardPort, int gatewayPort)
    {
        _terminal = terminal;
        _data = data;
        DashboardPort = dashboardPort;
        GatewayHttpPort = gatewayPort;
    }

    public int DashboardPort { get; }

    public int GatewayHttpPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _terminal.HasExited;

    public static AppHostProcess Start(TestDataFolder data)
    {
        var repository = DotnetToolManifest.Find().RepositoryRoot;
        var (dashboard, otlp, resources, gatewayHttp, gatewayGrpc) =
            (PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var command = $"exec dotnet run --project ReviewMechanism.AppHost --no-build -c {configuration} --no-launch-profile -- " +
            $"{data.Argument} --AppHost:GatewayHttpPort={gatewayHttp} --AppHost:GatewayGrpcPort={gatewayGrpc}";
        var start = new ProcessStartInfo("/usr/bin/script", ["-qfec", command, "/dev/null"])
        {
            WorkingDirectory = repository,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // What the AppHost's launch profile sets, on free ports.
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://localhost:{dashboard}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{otlp}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{resources}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        var terminal = Process.Start(start) ?? throw new InvalidOperationException("script(1) did not start");
        var process = new AppHostProcess(terminal, data, dashboard, gatewayHttp);
        terminal.OutputDataReceived += (_, e) => process.Append(e.Data);
        terminal.ErrorDataReceived += (_, e) => process.Append(e.Data);
        terminal.BeginOutputReadLine();
        terminal.BeginErrorReadLine();
        return process;
    }

    /// <summary>The login link the AppHost prints (<c>Login to the dashboard at http://localhost:PORT/login?t=...</c>).</summary>
    public async Task<Uri> WaitForLoginLinkAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !HasExited)
        {
            if (LoginLink().Match(Output) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"No login link within {timeout}; output:\n{Output}");
    }

    /// <summary>
    /// Waits until the AppHost says every resource is healthy (its line "All N resources are healthy after", from
    /// ReviewMechanism.AppHost/StartupReport.cs), then until the gateway answers /health on its public port.
    /// </summary>
    public async Task WaitForAllHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !HasExited)
        {
            try
            {
                if (AllHealthy().IsMatch(Output) && (await http.GetAsync($"http://127.0.0.1:{GatewayHttpPort}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Not every resource was healthy within {timeout}; output:\n{Output}");
    }

    /// <summary>The AppHost's own process (below dotnet run, in the terminal).</summary>
    public int AppHostPid => ProcessTree.WithDescendants(_terminal.Id).FirstOrDefault(p => ProcessTree.CommandLine(p).Contains("ReviewMechanism.AppHost/bin/", StringComparison.Ordinal));

    /// <summary>
    /// Every process the run started: the terminal's descendants, and Aspire's orchestrator (DCP, which detaches
    /// from the AppHost and watches it with <c>--monitor PID</c>) with everything it runs.
    /// </summary>
    public IReadOnlyList<int> StartedProcesses()
    {
        var apphost = AppHostPid;
        var orchestrators = ProcessTree.All().Where(p => apphost != 0 && Regex.IsMatch(ProcessTree.CommandLine(p), $@"dcp.*--monitor {apphost}(\s|$)"));
        return ProcessTree.WithDescendants(_terminal.Id).Concat(orchestrators.SelectMany(ProcessTree.WithDescendants)).Distinct().ToList();
    }

    /// <summary>Ctrl+C typed in the terminal: the tty sends SIGINT to its foreground process group.</summary>
    public async Task PressCtrlCAsync()
    {
        await _terminal.StandardInput.WriteAsync('\u0003');
        await _terminal.StandardInput.FlushAsync();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _terminal.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_terminal.HasExited)
        {
            var leftovers = StartedProcesses();
            ProcessTree.Signal(AppHostPid, ProcessTree.SIGTERM);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(60)))
            {
                foreach (var pid in leftovers)
                {
                    ProcessTree.Kill(pid);
                }
            }
        }
        _terminal.Dispose();
        _data.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    [GeneratedRegex(@"Login to the dashboard at (http://localhost:\d+/login\?t=[0-9a-f]+)")]
    private static partial Regex LoginLink();

    [GeneratedRegex(@"All \d+ resources are healthy after")]
    private static partial Regex AllHealthy();
}
