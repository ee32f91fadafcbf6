namespace ReviewMechanism.Grpc.InteropTests.Hosting;

/// <summary>The external clients and servers the interop tests start, checked before use with a clear message.</summary>
public static class Toolchain
{
    private const string InstallHint = "Run eng/install-test-deps.sh (as root) to install the interop clients.";

    /// <summary>Debian's interpreter: python3-grpcio and python3-grpc-tools are installed for it, not for other Pythons on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    public static string Node => FindOnPath("node") ?? throw new InvalidOperationException("node is not on PATH. " + InstallHint);

    public static void EnsureNodePackages()
    {
        var grpcJs = Path.Combine(RepoPaths.InteropNode, "node_modules", "@grpc", "grpc-js", "package.json");
        if (!File.Exists(grpcJs))
        {
            throw new InvalidOperationException($"{grpcJs} is missing: the npm packages of tests/interop-node are not installed. " + InstallHint);
        }
    }

    public static void EnsurePython()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing. " + InstallHint);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
