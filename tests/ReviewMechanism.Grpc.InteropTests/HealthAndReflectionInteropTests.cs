using ReviewMechanism.Grpc.InteropTests.Hosting;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>grpc.health.v1.Health and server reflection (v1, v1alpha) of this library as grpcio clients see them.</summary>
public sealed class HealthAndReflectionInteropTests(OurInteropServer server) : IClassFixture<OurInteropServer>
{
    [Fact]
    public async Task GrpcioHealthAndReflectionClientsSeeOurServices()
    {
        var result = await Drivers.HealthAndReflectionCheckAsync(server.Port, ["grpc.testing.TestService", "grpc.health.v1.Health"], strictFileNames: true);
        Assert.True(result.ExitCode == 0, $"health/reflection check failed against our server:\n{result.Describe()}\n--- server log ---\n{server.Log}");
    }
}
