using System.Runtime.InteropServices;
using System.Text.Json;
using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// The repository's local tool manifest (<c>.config/dotnet-tools.json</c>): which version of a tool is pinned, and
/// where <c>dotnet tool restore</c> put its files (the NuGet global packages folder).
/// </summary>
public sealed class DotnetToolManifest(string path)
{
    public string Path { get; } = path;

    public string RepositoryRoot => System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path)!)!;

    /// <summary>The manifest of the repository that contains <paramref name="start"/> (or the current folder).</summary>
    public static DotnetToolManifest Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(candidate))
            {
                return new DotnetToolManifest(candidate);
            }
        }
        throw new InvalidOperationException($"No .config/dotnet-tools.json above {start ?? AppContext.BaseDirectory}.");
    }

    /// <summary>The pinned version of <paramref name="packageId"/>.</summary>
    public string VersionOf(string packageId)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path));
        foreach (var tool in manifest.RootElement.GetProperty("tools").EnumerateObject())
        {
            if (string.Equals(tool.Name, packageId, StringComparison.OrdinalIgnoreCase))
            {
                return tool.Value.GetProperty("version").GetString()!;
            }
        }
        throw new InvalidOperationException($"{packageId} is not in {Path}.");
    }

    /// <summary>
    /// The main assembly of a restored tool, or null when it is not restored. Tools published per runtime (like
    /// smtp4dev) are in the package named after the runtime identifier.
    /// </summary>
    public string? FindAssembly(string packageId, string assemblyName)
    {
        var version = VersionOf(packageId);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var rid = RuntimeInformation.RuntimeIdentifier;
        foreach (var package in new[] { $"{packageId}.{rid}", packageId })
        {
            var tools = System.IO.Path.Combine(packages, package.ToLowerInvariant(), version, "tools");
            if (!Directory.Exists(tools))
            {
                continue;
            }
            var found = Directory.EnumerateFiles(tools, assemblyName, SearchOption.AllDirectories).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary><c>dotnet tool restore</c> in the repository (what eng/install-test-deps.sh does too).</summary>
    public async Task RestoreAsync(Action<string> log, CancellationToken cancellationToken)
    {
        log("dotnet tool restore (the tools pinned in .config/dotnet-tools.json; first run only).");
        var (code, output) = await new ProcessSpec("dotnet", ["tool", "restore"]) { WorkingDirectory = RepositoryRoot }
            .RunToEndAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore failed with exit code {code}:\n{output}");
        }
    }
}
