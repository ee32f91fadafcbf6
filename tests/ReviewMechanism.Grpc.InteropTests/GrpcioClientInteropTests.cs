using ReviewMechanism.Grpc.InteropTests.Hosting;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>Python grpcio (Debian's python3-grpcio) runs the interop cases against this library's server.</summary>
public sealed class GrpcioClientInteropTests(OurInteropServer server) : IClassFixture<OurInteropServer>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task GrpcioClientPassesTheCaseAgainstOurServer(string testCase)
    {
        var result = await Drivers.GrpcioAsync(server.Port, testCase);
        Assert.True(result.ExitCode == 0, $"grpcio client failed {testCase} against our server:\n{result.Describe()}\n--- server log ---\n{server.Log}");
    }
}
