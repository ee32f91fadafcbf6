namespace Interop.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root (the folder holding Mechanism.sln), found upwards from the test's output folder.</summary>
    public static string Root { get; } = Find();

    public static string Protos => Path.Combine(Root, "protos");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mechanism.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Mechanism.sln above {AppContext.BaseDirectory}.");
    }
}
