namespace ReviewMechanism.Grpc.InteropTests.Hosting;

/// <summary>Folders of the repository the tests run from (found by walking up to Mechanism.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string InteropNode => Path.Combine(Root, "tests", "interop-node");

    public static string InteropPython => Path.Combine(Root, "tests", "interop-python");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mechanism.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Mechanism.sln above {AppContext.BaseDirectory}: the interop tests run from a build inside the repository.");
    }
}
