using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Processes;
using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>Runs a project's built assembly with <c>dotnet</c> and probes its HTTP health endpoint.</summary>
internal sealed class ProjectRunner(
    ProjectResource project,
    int replica,
    Func<IReadOnlyDictionary<string, string?>> environment,
    DistributedApplicationOptions options,
    Action<string, bool> output,
    HttpClient probeClient) : IInstanceRunner
{
    private ManagedProcess? _process;

    public Task<int> Exited => _process?.Exited ?? Task.FromResult(0);

    public int? Pid => _process?.Id;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var assembly = project.Metadata.AssemblyPath;
        if (!File.Exists(assembly))
        {
            throw new DistributedApplicationException($"{project.Name}: {assembly} is missing; build the project first (dotnet build {project.Metadata.ProjectPath}).");
        }
        var spec = new ProcessSpec(DotNetHost.Path, [assembly])
        {
            Environment = environment(),
            WorkingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath),
            NewSession = true,
        };
        _process = ManagedProcess.Start(spec, output);
        return Task.CompletedTask;
    }

    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        if (_process is null || _process.HasExited)
        {
            return false;
        }
        var check = project.Annotations.OfType<HttpHealthCheckAnnotation>().LastOrDefault();
        if (check is null)
        {
            return true;
        }
        var url = project.GetAllocatedUrls(check.EndpointName)[replica] + check.Path;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await probeClient.GetAsync(url, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public Task StopAsync(StopMode mode) => _process?.StopAsync(
        Signals.SIGTERM,
        mode == StopMode.Graceful ? options.ProjectStopGrace : TimeSpan.FromSeconds(Math.Min(3, options.ProjectStopGrace.TotalSeconds))) ?? Task.CompletedTask;

    public void Kill() => _process?.Kill();
}
