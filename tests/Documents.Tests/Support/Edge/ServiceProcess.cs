using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gateway.Tests.Infrastructure;
using ReviewMechanism.LocalServers;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// A service of the solution as its own process (<c>dotnet src/X/bin/.../X.dll</c>, built with this test project,
/// in Production, as the AppHost starts it: an <c>http</c> and a cleartext HTTP/2 <c>grpc</c> endpoint, tokens from
/// the test issuer), so its resident memory can be read from /proc and it talks to the others over real RabbitMQ.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private ServiceProcess(string name, Process process, StringBuilder log, int httpPort, int grpcPort)
    {
        Name = name;
        _process = process;
        _log = log;
        Address = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public string Name { get; }

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

    /// <summary>The Documents service with its database and data folder.</summary>
    public static Task<ServiceProcess> DocumentsAsync(string connectionString, string dataDirectory, TestIssuer issuer, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:documentsdb"] = connectionString,
            ["Documents:DataDirectory"] = dataDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return StartAsync("Documents.Api", issuer, all);
    }

    /// <summary>Starts <c>src/{project}</c> with <paramref name="settings"/> (configuration keys) and waits for /health.</summary>
    public static async Task<ServiceProcess> StartAsync(string project, TestIssuer issuer, IDictionary<string, string?> settings)
    {
        var (httpPort, grpcPort) = (PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        var folder = Path.Combine(RepositoryRoot(), "src", project);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(folder, "bin", Configuration(), "net10.0", $"{project}.dll"), "--contentRoot", folder },
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
            ["Identity:Authority"] = issuer.Address.ToString(),
            ["Identity:Issuer"] = TestIssuer.Issuer,
        };
        foreach (var (key, value) in settings)
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
        var service = new ServiceProcess(project, process, log, httpPort, grpcPort);
        try
        {
            // Generous: on the shared two-core machine under a load of 100, a service's first start took over two minutes.
            await service.WaitHealthyAsync(TimeSpan.FromSeconds(300));
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
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
        var last = "no answer";
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) during start-up:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
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
        throw new TimeoutException($"{Name} was not healthy within {patience.TotalSeconds} s (last /health: {last}):\n{Log}");
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

    /// <summary>The configuration this test project was built in (bin/{Configuration}/net10.0/), which built the services too.</summary>
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
