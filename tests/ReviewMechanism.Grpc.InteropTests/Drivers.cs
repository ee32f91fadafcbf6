using ReviewMechanism.Grpc.InteropTests.Hosting;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>Runs the grpc-js and grpcio interop client drivers as child processes.</summary>
public static class Drivers
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <param name="verifyCompressedFlag">Also assert per-message compressed flags on the wire (off against grpc-js, whose server never compresses).</param>
    public static Task<ChildProcess.Result> GrpcJsAsync(int port, string testCase, bool verifyCompressedFlag)
    {
        Toolchain.EnsureNodePackages();
        return ChildProcess.RunAsync(Toolchain.Node,
            ["client.js", "--server_host=127.0.0.1", $"--server_port={port}", $"--test_case={testCase}", $"--verify_compressed_flag={(verifyCompressedFlag ? "true" : "false")}"],
            RepoPaths.InteropNode, Limit);
    }

    public static Task<ChildProcess.Result> GrpcioAsync(int port, string testCase)
    {
        Toolchain.EnsurePython();
        return ChildProcess.RunAsync(Toolchain.Python,
            ["client.py", "--server_host=127.0.0.1", $"--server_port={port}", $"--test_case={testCase}"],
            RepoPaths.InteropPython, Limit);
    }

    public static Task<ChildProcess.Result> HealthAndReflectionCheckAsync(int port, IEnumerable<string> services, bool strictFileNames)
    {
        Toolchain.EnsurePython();
        var arguments = new List<string> { "health_reflection_check.py", "--server_host=127.0.0.1", $"--server_port={port}", $"--strict_file_names={(strictFileNames ? "true" : "false")}" };
        arguments.AddRange(services.Select(s => $"--service={s}"));
        return ChildProcess.RunAsync(Toolchain.Python, arguments, RepoPaths.InteropPython, Limit);
    }
}
