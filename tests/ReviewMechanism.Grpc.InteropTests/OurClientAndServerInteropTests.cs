using Grpc.Testing;
using ReviewMechanism.Grpc.Client;
using ReviewMechanism.Grpc.InteropTests.Clients;
using ReviewMechanism.Grpc.InteropTests.Hosting;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests;

/// <summary>This library's client against this library's server, case by case (the grpc-dotnet pairing).</summary>
public sealed class OurClientAndServerInteropTests(OurInteropServer server) : IClassFixture<OurInteropServer>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public async Task OurClientPassesTheCaseAgainstOurServer(string testCase)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new CSharpInteropClient(new TestService.TestServiceClient(channel), new UnimplementedService.UnimplementedServiceClient(channel));
        try
        {
            await client.RunAsync(testCase);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"our client failed {testCase} against our server: {e}\n--- server log ---\n{server.Log}");
        }
    }
}
