using Grpc.Testing;
using ReviewMechanism.Grpc.Client;
using ReviewMechanism.Grpc.InteropTests.Clients;
using ReviewMechanism.Grpc.InteropTests.Hosting;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>This library's client runs the interop cases against the grpc-js reference server.</summary>
public sealed class OurClientInteropTests(NodeInteropServer server) : IClassFixture<NodeInteropServer>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task OurClientPassesTheCaseAgainstTheGrpcJsServer(string testCase)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Port}");
        var client = new CSharpInteropClient(new TestService.TestServiceClient(channel), new UnimplementedService.UnimplementedServiceClient(channel));
        try
        {
            await client.RunAsync(testCase);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"our client failed {testCase} against the grpc-js server: {e}\n--- grpc-js server ---\n{server.Log}");
        }
    }
}
