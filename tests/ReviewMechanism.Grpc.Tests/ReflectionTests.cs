using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Alpha = Grpc.Reflection.V1Alpha;

namespace ReviewMechanism.Grpc.Tests;

public sealed class ReflectionTests : IAsyncLifetime
{
    private const string V1 = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    private const string V1Alpha = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
    private GrpcTestServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(
            services =>
            {
                services.AddSingleton<ProbeObservations>();
                services.AddGrpcServer();
                services.AddGrpcHealthChecks();
            },
            app =>
            {
                app.MapGrpcService<ProbeServiceImpl>();
                app.MapGrpcHealthChecksService();
                app.MapGrpcReflectionService();
            });
        _client = new RawGrpcClient(_server.Http2Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<List<ServerReflectionResponse>> AskAsync(params ServerReflectionRequest[] requests)
    {
        var response = await _client.PostAsync(V1, Frames.Of(requests));
        Assert.Equal(0, response.GrpcStatus);
        return response.Messages.Select(m => m.Parse(ServerReflectionResponse.Parser)).ToList();
    }

    private static FileDescriptorProto File(ByteString bytes) => FileDescriptorProto.Parser.ParseFrom(bytes);

    [Fact]
    public async Task ListServicesNamesEveryMappedService()
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { ListServices = "*" }));

        Assert.Equal(
            new[] { "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "reviewmechanism.testing.v1.ProbeService" },
            response.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal("*", response.OriginalRequest.ListServices);
    }

    [Fact]
    public async Task TheFileContainingAServiceComesWithItsDependencies()
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "reviewmechanism.testing.v1.ProbeService" }));

        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(File).ToList();
        Assert.Equal(new[] { "reviewmechanism/testing/v1/probe.proto", "google/protobuf/empty.proto" }, files.Select(f => f.Name));
        var probe = files[0];
        Assert.Equal("reviewmechanism.testing.v1", probe.Package);
        Assert.Contains(probe.Service, s => s.Name == "ProbeService" && s.Method.Any(m => m.Name == "Chat" && m.ClientStreaming && m.ServerStreaming));
        Assert.Equal(new[] { "google/protobuf/empty.proto" }, probe.Dependency);
    }

    [Theory]
    [InlineData("reviewmechanism.testing.v1.ProbeService.Echo", "reviewmechanism/testing/v1/probe.proto")]
    [InlineData("reviewmechanism.testing.v1.EchoRequest", "reviewmechanism/testing/v1/probe.proto")]
    [InlineData("reviewmechanism.testing.v1.WaitReply.Detail", "reviewmechanism/testing/v1/probe.proto")]
    [InlineData("reviewmechanism.testing.v1.WaitReply.Detail.Kind", "reviewmechanism/testing/v1/probe.proto")]
    [InlineData("reviewmechanism.testing.v1.Outcome", "reviewmechanism/testing/v1/probe.proto")]
    [InlineData("google.protobuf.Empty", "google/protobuf/empty.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    public async Task EverySymbolFindsItsFile(string symbol, string file)
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol }));

        Assert.Equal(file, File(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public async Task AFileIsFoundByName()
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" }));

        Assert.Equal("grpc.health.v1", File(Assert.Single(response.FileDescriptorResponse.FileDescriptorProto)).Package);
    }

    [Fact]
    public async Task DependenciesAlreadySentOnTheStreamAreNotSentAgain()
    {
        var responses = await AskAsync(
            new ServerReflectionRequest { FileContainingSymbol = "reviewmechanism.testing.v1.ProbeService" },
            new ServerReflectionRequest { FileContainingSymbol = "reviewmechanism.testing.v1.EchoReply" });

        Assert.Equal(2, responses[0].FileDescriptorResponse.FileDescriptorProto.Count);
        Assert.Equal("reviewmechanism/testing/v1/probe.proto", File(Assert.Single(responses[1].FileDescriptorResponse.FileDescriptorProto)).Name);
    }

    [Fact]
    public async Task AnUnknownSymbolIsAnErrorResponseWithNotFound()
    {
        var response = Assert.Single(await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" }));

        Assert.Equal(5, response.ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Symbol", response.ErrorResponse.ErrorMessage);
    }

    [Fact]
    public async Task ExtensionQueriesAnswerFromTheKnownTypes()
    {
        var responses = await AskAsync(
            new ServerReflectionRequest { AllExtensionNumbersOfType = "reviewmechanism.testing.v1.EchoRequest" },
            new ServerReflectionRequest { AllExtensionNumbersOfType = "no.Such" },
            new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "reviewmechanism.testing.v1.EchoRequest", ExtensionNumber = 100 } });

        Assert.Equal("reviewmechanism.testing.v1.EchoRequest", responses[0].AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(responses[0].AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Equal(5, responses[1].ErrorResponse.ErrorCode);
        Assert.Equal(5, responses[2].ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task TheV1AlphaServiceAnswersTheSame()
    {
        var response = await _client.PostAsync(V1Alpha, Frames.Of(
            new Alpha.ServerReflectionRequest { ListServices = "" },
            new Alpha.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" }));

        var messages = response.Messages.Select(m => m.Parse(Alpha.ServerReflectionResponse.Parser)).ToList();
        Assert.Equal(4, messages[0].ListServicesResponse.Service.Count);
        Assert.Equal("grpc/health/v1/health.proto", File(messages[1].FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }
}
