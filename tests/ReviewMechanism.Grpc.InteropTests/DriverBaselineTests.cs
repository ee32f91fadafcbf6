using ReviewMechanism.Grpc.InteropTests.Hosting;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>
/// The drivers against the grpc-js reference server: proves that the clients implement the cases
/// correctly, so that a failure against this library's server is the server's.
/// </summary>
public sealed class DriverBaselineTests(NodeInteropServer server) : IClassFixture<NodeInteropServer>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task GrpcJsClientPassesTheCaseAgainstTheGrpcJsReferenceServer(string testCase)
    {
        var result = await Drivers.GrpcJsAsync(server.Port, testCase, verifyCompressedFlag: false);
        Assert.True(result.ExitCode == 0, $"grpc-js client failed {testCase} against the grpc-js server:\n{result.Describe()}\n--- server ---\n{server.Log}");
    }

    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task GrpcioClientPassesTheCaseAgainstTheGrpcJsReferenceServer(string testCase)
    {
        var result = await Drivers.GrpcioAsync(server.Port, testCase);
        Assert.True(result.ExitCode == 0, $"grpcio client failed {testCase} against the grpc-js server:\n{result.Describe()}\n--- server ---\n{server.Log}");
    }

    [Fact]
    public async Task GrpcioHealthAndReflectionCheckPassesAgainstTheGrpcJsReferenceServer()
    {
        // @grpc/reflection merges a package into one file named after it (grpc_testing.proto), so
        // protoc's file names are not required of the reference server.
        var result = await Drivers.HealthAndReflectionCheckAsync(server.Port, ["grpc.testing.TestService"], strictFileNames: false);
        Assert.True(result.ExitCode == 0, $"health/reflection check failed against the grpc-js server:\n{result.Describe()}");
    }
}
