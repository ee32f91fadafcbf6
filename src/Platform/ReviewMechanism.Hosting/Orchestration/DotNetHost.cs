namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>Finds the <c>dotnet</c> executable that runs the projects' assemblies.</summary>
internal static class DotNetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => System.IO.Path.Combine(d, "dotnet"))
            .Append("/usr/share/dotnet/dotnet")
            .Append("/usr/lib/dotnet/dotnet");
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new DistributedApplicationException("Cannot find the dotnet executable (not on PATH, DOTNET_HOST_PATH unset).");
    }
}
