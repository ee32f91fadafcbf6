using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gateway.Tests.Infrastructure;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// The Documents service as its own process (<c>dotnet Documents.Api.dll</c>, built with this test project, in
/// Production, as the AppHost starts it), so its resident memory can be read from /proc while files stream.
/// </summary>
public sealed class DocumentsServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private DocumentsServiceProcess(Process process, StringBuilder log, int httpPort, int grpcPort)
    {
        _process = process;
        _log = log;
        Address = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public Uri Address { get; }

    public Uri GrpcAddress { get; }

    public int ProcessId => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<DocumentsServiceProcess> StartAsync(string connectionString, string dataDirectory, TestIssuer issuer, IDictionary<string, string?>? settings = null)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var project = Path.Combine(RepositoryRoot(), "src", "Documents.Api");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(project, "bin", Configuration(), "net10.0", "Documents.Api.dll"), "--contentRoot", project },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["ConnectionStrings:documentsdb"] = connectionString,
            ["Documents:DataDirectory"] = dataDirectory,
            ["Identity:Authority"] = issuer.Address.ToString(),
            ["Identity:Issuer"] = TestIssuer.Issuer,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new DocumentsServiceProcess(process, log, httpPort, grpcPort);
        await service.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return service;
    }

    /// <summary>VmRSS of the process (bytes).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("No VmRSS in /proc/PID/status.");
    }

    private async Task WaitHealthyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Documents service exited ({_process.ExitCode}) during start-up:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer on a loaded machine.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The Documents service was not healthy within {patience.TotalSeconds} s:\n{Log}");
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Mechanism.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Mechanism.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The configuration this test project was built in (bin/{Configuration}/net10.0/), which built the service too.</summary>
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
