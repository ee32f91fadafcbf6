using ReviewMechanism.Grpc.InteropTests.Hosting;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>@grpc/grpc-js (npm) runs the interop cases against this library's server.</summary>
public sealed class GrpcJsClientInteropTests(OurInteropServer server) : IClassFixture<OurInteropServer>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task GrpcJsClientPassesTheCaseAgainstOurServer(string testCase)
    {
        var result = await Drivers.GrpcJsAsync(server.Port, testCase, verifyCompressedFlag: true);
        Assert.True(result.ExitCode == 0, $"grpc-js client failed {testCase} against our server:\n{result.Describe()}\n--- server log ---\n{server.Log}");
    }
}
