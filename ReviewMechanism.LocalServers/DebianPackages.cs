using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// Makes sure a server program from a Debian package is installed: installs it with apt-get when
/// running as root on Debian (saying so), otherwise stops with the exact command to run.
/// </summary>
public static class DebianPackages
{
    private static readonly SemaphoreSlim AptLock = new(1, 1);
    private static bool _updated;

    public static async Task EnsureInstalledAsync(string probePath, string package, Action<string> log, CancellationToken cancellationToken)
    {
        if (File.Exists(probePath) || Directory.Exists(probePath))
        {
            return;
        }
        var command = $"apt-get install -y --no-install-recommends {package}";
        if (!Signals.IsRoot || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                $"{package} is not installed ({probePath} is missing). Install it with: sudo {command}");
        }
        await AptLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(probePath) || Directory.Exists(probePath))
            {
                return;
            }
            log($"{package} is not installed: installing it with apt-get (first run only).");
            var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            if (!_updated)
            {
                await RunAsync(new ProcessSpec("/usr/bin/apt-get", ["update", "-q"]) { Environment = environment }, log, cancellationToken).ConfigureAwait(false);
                _updated = true;
            }
            await RunAsync(new ProcessSpec("/usr/bin/apt-get", ["install", "-y", "-q", "--no-install-recommends", package]) { Environment = environment }, log, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(probePath) && !Directory.Exists(probePath))
            {
                throw new InvalidOperationException($"apt-get installed {package} but {probePath} is still missing.");
            }
        }
        finally
        {
            AptLock.Release();
        }
    }

    private static async Task RunAsync(ProcessSpec spec, Action<string> log, CancellationToken cancellationToken)
    {
        var (code, output) = await spec.RunToEndAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"{spec.FileName} {string.Join(' ', spec.Arguments)} failed with exit code {code}:\n{output}");
        }
    }
}
