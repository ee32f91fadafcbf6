using Microsoft.Extensions.Logging;

namespace ReviewMechanism.Grpc.Tests;

public sealed class LoggingTests
{
    private const string Echo = "/reviewmechanism.testing.v1.ProbeService/Echo";

    [Fact]
    public async Task ASuccessfulCallLogsBelowInformationByDefault()
    {
        await using var server = await ProbeServer.StartAsync();
        using var client = new RawGrpcClient(server.Http2Address);

        await client.PostAsync(Echo, Frames.Of(new EchoRequest()));
        await client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 3, StatusMessage = "bad" }));

        var lines = await LinesAsync(server, 1);
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.EndsWith("finished with InvalidArgument in " + line.Message.Split(" in ")[1], line.Message);
    }

    [Fact]
    public async Task TheSuccessLevelIsAnOption()
    {
        await using var server = await ProbeServer.StartAsync(o => o.SuccessfulCallLogLevel = LogLevel.Information);
        using var client = new RawGrpcClient(server.Http2Address);

        await client.PostAsync(Echo, Frames.Of(new EchoRequest()));

        var line = Assert.Single(await LinesAsync(server, 1));
        Assert.Matches(@"^gRPC /reviewmechanism\.testing\.v1\.ProbeService/Echo finished with OK in [0-9.]+ ms$", line.Message);
    }

    [Fact]
    public async Task ServerSideFailuresLogAsWarnings()
    {
        await using var server = await ProbeServer.StartAsync();
        using var client = new RawGrpcClient(server.Http2Address);

        await client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 14, StatusMessage = "database unavailable" }));

        var line = Assert.Single(await LinesAsync(server, 1));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.EndsWith(": database unavailable", line.Message);
    }

    [Fact]
    public async Task CallLoggingCanBeTurnedOff()
    {
        await using var server = await ProbeServer.StartAsync(o => o.EnableCallLogging = false);
        using var client = new RawGrpcClient(server.Http2Address);

        await client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 5, StatusMessage = "x" }));

        await Task.Delay(200);
        Assert.Empty(await LinesAsync(server, 0));
    }

    private static async Task<List<TestLoggerProvider.LogLine>> LinesAsync(GrpcTestServer server, int expected)
    {
        List<TestLoggerProvider.LogLine> lines = [];
        for (var i = 0; i < 50; i++)
        {
            lines = server.Logs.Lines.Where(l => l.Category == "ReviewMechanism.Grpc.Server").ToList();
            if (lines.Count >= expected)
            {
                break;
            }
            await Task.Delay(20);
        }
        return lines;
    }
}
