using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewMechanism.ServiceDefaults.Grpc;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>One log line per call, at a level that says whose fault a failure is.</summary>
public sealed class GrpcCallLoggingTests
{
    [Fact]
    public async Task ASuccessfulCallLogsBelowInformationByDefaultAndACallersMistakeAtInformation()
    {
        var (host, logs) = await StartAsync();
        await using (host)
        {
            using var channel = GrpcChannel.ForAddress(host.Address);
            var client = new ProbeService.ProbeServiceClient(channel);

            await client.EchoAsync(new EchoRequest());
            await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 3, StatusMessage = "bad" }).ResponseAsync);
        }

        var line = Assert.Single(Lines(logs), l => l.Level >= LogLevel.Information);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Matches(@"^gRPC /reviewmechanism\.testing\.v1\.ProbeService/Echo finished with InvalidArgument in [0-9.]+ ms: bad$", line.Message);
        Assert.Contains(Lines(logs), l => l.Level == LogLevel.Debug && l.Message.Contains("finished with OK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSuccessLevelIsAnOption()
    {
        var (host, logs) = await StartAsync(new() { ["Grpc:Server:SuccessfulCallLogLevel"] = "Information" });
        await using (host)
        {
            using var channel = GrpcChannel.ForAddress(host.Address);
            await new ProbeService.ProbeServiceClient(channel).EchoAsync(new EchoRequest());
        }

        var line = Assert.Single(Lines(logs));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Matches(@"^gRPC /reviewmechanism\.testing\.v1\.ProbeService/Echo finished with OK in [0-9.]+ ms$", line.Message);
    }

    [Fact]
    public async Task ServerSideFailuresLogAsWarnings()
    {
        var (host, logs) = await StartAsync();
        await using (host)
        {
            using var channel = GrpcChannel.ForAddress(host.Address);
            await Assert.ThrowsAsync<RpcException>(() => new ProbeService.ProbeServiceClient(channel)
                .EchoAsync(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 14, StatusMessage = "database unavailable" }).ResponseAsync);
        }

        var line = Assert.Single(Lines(logs));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.EndsWith(": database unavailable", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallLoggingCanBeTurnedOff()
    {
        var (host, logs) = await StartAsync(new() { ["Grpc:Server:EnableCallLogging"] = "false" });
        await using (host)
        {
            using var channel = GrpcChannel.ForAddress(host.Address);
            await Assert.ThrowsAsync<RpcException>(() => new ProbeService.ProbeServiceClient(channel)
                .EchoAsync(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 5, StatusMessage = "x" }).ResponseAsync);
        }

        Assert.Empty(Lines(logs));
    }

    private static List<ListLoggerProvider.LogLine> Lines(ListLoggerProvider logs) =>
        logs.Lines.Where(l => l.Category == CallLoggingInterceptor.CategoryName).ToList();

    /// <summary>A host whose logs are kept; the lines are read after it stops, when every call has finished.</summary>
    private static async Task<(GrpcTestHost Host, ListLoggerProvider Logs)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var logs = new ListLoggerProvider();
        var host = await GrpcTestHost.StartAsync(
            new Dictionary<string, string?>(settings ?? []) { [$"Logging:LogLevel:{CallLoggingInterceptor.CategoryName}"] = "Debug" },
            b =>
            {
                b.Services.AddSingleton<ProbeBehaviour>();
                b.Logging.AddProvider(logs);
            },
            a => a.MapGrpcService<ProbeServiceImpl>());
        return (host, logs);
    }
}
